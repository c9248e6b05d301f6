"""The contact log: recording a contact, its author's edits within the area's window, and
amendments after it. Every change is kept in the history (pghistory on Contact)."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from areas.access import has_capability
from areas.selectors import settings_for
from dsr.models import Allocation
from keyworking import rules
from keyworking.capabilities import OVERSEE_KEYWORKING
from keyworking.models import Contact, ContactAmendment, KeyworkingSettings
from keyworking.models.choices import ContactWith
from keyworking.selectors import may_work_case

EDITABLE_FIELDS = ("occurred_at", "mode", "with_whom", "service", "duration_minutes", "activities", "notes")


def _check_details(*, allocation: Allocation, occurred_at: datetime, with_whom, service: str, now: datetime) -> None:
    if occurred_at > now:
        raise ValidationError({"occurred_at": "The contact cannot be in the future"})
    if timezone.localtime(occurred_at).date() < allocation.allocated_on:
        raise ValidationError({"occurred_at": "The contact cannot be before the case was allocated"})
    if not with_whom:
        raise ValidationError({"with_whom": "Choose who the contact was with"})
    if ContactWith.PROFESSIONAL in with_whom and not service.strip():
        raise ValidationError({"service": "Say which service the professional was from"})


@transaction.atomic
def contact_record(
    *,
    allocation: Allocation,
    author,
    occurred_at: datetime,
    mode: str,
    with_whom: list[str],
    duration_minutes: int,
    service: str = "",
    activities: list[str] | None = None,
    notes: str = "",
) -> Contact:
    if not allocation.is_open:
        raise ValidationError("This keyworking is closed: contacts can no longer be added.")
    if not may_work_case(author, allocation):
        raise ValidationError("Only the allocated keyworker or a senior practitioner records contacts.")
    _check_details(
        allocation=allocation, occurred_at=occurred_at, with_whom=with_whom, service=service, now=timezone.now()
    )
    return Contact.objects.create(
        area_id=allocation.area_id,
        allocation=allocation,
        person_id=allocation.person_id,
        occurred_at=occurred_at,
        mode=mode,
        with_whom=list(with_whom),
        service=service,
        duration_minutes=duration_minutes,
        activities=list(activities or []),
        notes=notes,
        author=author,
    )


def edit_problem(contact: Contact, editor, now: datetime | None = None) -> str | None:
    edit_hours = settings_for(KeyworkingSettings, contact.area_id).contact_edit_hours
    return rules.contact_edit_problem(
        author_id=contact.author_id,
        editor_id=editor.pk,
        created_at=contact.created_at,
        now=now or timezone.now(),
        edit_hours=edit_hours,
    )


@transaction.atomic
def contact_update(*, contact: Contact, editor, **changes) -> Contact:
    """Its author corrects a contact within the area's window; afterwards only amendments."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    current = Contact.objects.select_for_update().select_related("allocation").get(pk=contact.pk)
    problem = edit_problem(current, editor)
    if problem:
        raise ValidationError(problem)
    merged = {field: changes.get(field, getattr(current, field)) for field in EDITABLE_FIELDS}
    _check_details(
        allocation=current.allocation,
        occurred_at=merged["occurred_at"],
        with_whom=merged["with_whom"],
        service=merged["service"],
        now=timezone.now(),
    )
    for field, value in changes.items():
        setattr(current, field, value)
    current.save(update_fields=[*changes, "updated_at"])
    return current


@transaction.atomic
def contact_amend(*, contact: Contact, text: str, made_by) -> ContactAmendment:
    """Add a correction beside the contact. The author, the case's keyworker or a senior
    practitioner of the area may amend."""
    if not text.strip():
        raise ValidationError({"text": "Enter the amendment"})
    allowed = (
        contact.author_id == made_by.pk
        or contact.allocation.keyworker_id == made_by.pk
        or has_capability(made_by, OVERSEE_KEYWORKING, contact.area_id)
    )
    if not allowed:
        raise ValidationError("Only the author, the keyworker or a senior practitioner can amend this contact.")
    return ContactAmendment.objects.create(
        area_id=contact.area_id, contact=contact, person_id=contact.person_id, text=text, made_by=made_by
    )
