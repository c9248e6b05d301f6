"""Transfers between areas: the origin requests, the destination accepts or declines."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from areas.models import Area
from areas.rls import system_scope
from dsr.models import Person, Transfer
from dsr.models.transfer import TransferStatus
from dsr.selectors import open_entry


def _summary(person: Person) -> dict:
    entry = open_entry(person)
    return {
        "name": person.full_name,
        "date_of_birth": person.date_of_birth.isoformat(),
        "nhs_number": person.nhs_number or "",
        "register": entry.get_register_display() if entry else "",
        "rating": entry.get_current_rating_display() if entry else "",
    }


@transaction.atomic
def transfer_request(*, person: Person, destination: Area, reason: str, requested_by) -> Transfer:
    if destination.id == person.area_id:
        raise ValidationError({"destination": "Choose another area: the person is already held here"})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the person is moving"})
    if Transfer.objects.filter(person=person, status=TransferStatus.REQUESTED).exists():
        raise ValidationError("A transfer of this person is already waiting for a decision.")
    return Transfer.objects.create(
        area_id=person.area_id,
        person=person,
        destination=destination,
        reason=reason,
        summary=_summary(person),
        requested_by=requested_by,
    )


def _decide(transfer: Transfer, *, status: str, decided_by, note: str) -> Transfer:
    if transfer.status != TransferStatus.REQUESTED:
        raise ValidationError("This transfer has already been decided.")
    transfer.status = status
    transfer.decided_by = decided_by
    transfer.decided_at = timezone.now()
    transfer.decision_note = note
    transfer.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return transfer


@transaction.atomic
def transfer_accept(*, transfer: Transfer, decided_by, note: str = "") -> Transfer:
    """Move the person, every record about them and its history to the destination. The origin
    loses sight of all of it; the transfer itself stays visible to both."""
    _decide(transfer, status=TransferStatus.ACCEPTED, decided_by=decided_by, note=note)
    # The records are outside the deciding user's areas until moved: the database function
    # moves exactly the rows carrying this person's id, nothing else.
    with system_scope(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT keyworking_move_person(%s, %s, %s)",
            [transfer.person_id, transfer.destination_id, [Transfer._meta.db_table, f"{Transfer._meta.db_table}event"]],
        )
    return transfer


@transaction.atomic
def transfer_decline(*, transfer: Transfer, decided_by, note: str) -> Transfer:
    if not note.strip():
        raise ValidationError({"note": "Say why the transfer is declined"})
    return _decide(transfer, status=TransferStatus.DECLINED, decided_by=decided_by, note=note)


@transaction.atomic
def transfer_cancel(*, transfer: Transfer, decided_by) -> Transfer:
    return _decide(
        transfer, status=TransferStatus.CANCELLED, decided_by=decided_by, note="Cancelled by the origin area"
    )
