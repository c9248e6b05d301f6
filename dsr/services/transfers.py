"""Transfers between areas: the origin requests, the destination accepts or declines. An area
that finds another holding someone it is adding may first ask that area to request one."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from areas.models import Area
from areas.rls import area_scope, system_scope
from dsr.models import Person, Transfer, TransferAsk
from dsr.models.transfer import TransferStatus
from dsr.models.transfer_ask import TransferAskStatus
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
    transfer = Transfer.objects.create(
        area_id=person.area_id,
        person=person,
        destination=destination,
        reason=reason,
        summary=_summary(person),
        requested_by=requested_by,
    )
    # The destination's open asks are answered by this very request.
    TransferAsk.objects.filter(person=person, destination=destination, status=TransferAskStatus.OPEN).update(
        status=TransferAskStatus.TRANSFER_REQUESTED, answered_by=requested_by, answered_at=timezone.now()
    )
    return transfer


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


def transfer_ask(*, nhs_number: str, holder: Area, destination: Area, asked_by, message: str = "") -> None:
    """Ask `holder`, which holds the person with this NHS number, to transfer them to
    `destination`. Returns nothing: the asker learns nothing of the record."""
    if holder.id == destination.id:
        raise ValidationError("Choose another area: the person is already held here")
    # Deliberately past the asker's areas, and only into the holder's: the person is looked up
    # and the ask written there; nothing of the record leaves this block.
    with area_scope([holder.id]):
        person = Person.objects.filter(nhs_number=nhs_number).first()
        if person is None:
            raise ValidationError(f"{holder.name} holds no record with this NHS number.")
        try:
            with transaction.atomic():
                TransferAsk.objects.create(
                    area_id=holder.id,
                    person=person,
                    destination=destination,
                    asked_by=asked_by,
                    message=message.strip(),
                )
        except IntegrityError:  # one open ask per person and destination
            raise ValidationError(
                f"{destination.name} has already asked {holder.name} for this transfer. "
                "Their DSR holders have not answered yet."
            ) from None


@transaction.atomic
def transfer_ask_decline(*, ask: TransferAsk, answered_by, reason: str) -> TransferAsk:
    if ask.status != TransferAskStatus.OPEN:
        raise ValidationError("This ask has already been answered.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why you are not transferring the person"})
    ask.status = TransferAskStatus.DECLINED
    ask.answered_by = answered_by
    ask.answered_at = timezone.now()
    ask.decline_reason = reason
    ask.save(update_fields=["status", "answered_by", "answered_at", "decline_reason"])
    return ask
