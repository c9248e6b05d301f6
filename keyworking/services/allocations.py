"""Allocating, reallocating and closing keyworking. One open allocation per person is
guaranteed by the database (dsr.Allocation's partial unique constraint): when two chairs
allocate the same person at once, one wins and the other is told who got there first."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dsr.models import Allocation, RegisterEntry
from keyworking import selectors
from keyworking.models.choices import ClosureReason

ONE_OPEN = "one_open_allocation_per_person"


def _already_allocated(person_id: int) -> ValidationError:
    current = (
        Allocation.objects.filter(person_id=person_id, ended_on__isnull=True)
        .select_related("keyworker", "person")
        .first()
    )
    who = current.keyworker.display_name if current else "another keyworker"
    return ValidationError(
        f"This person has just been allocated to {who} by someone else. Nothing was changed: "
        "reallocate from their case if a different keyworker is needed.",
        code="already_allocated",
    )


def _check_keyworker(entry: RegisterEntry, keyworker) -> None:
    if keyworker is None or selectors.keyworker_in_area(entry.area_id, keyworker.pk) is None:
        raise ValidationError({"keyworker": "Choose someone who holds the keyworker role in this area"})


def _insert(**fields) -> Allocation:
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction survives the refusal
            return Allocation.objects.create(**fields)
    except IntegrityError as error:
        if ONE_OPEN in str(error):
            raise _already_allocated(fields["person_id"]) from None
        raise


@transaction.atomic
def allocation_create(
    *, entry: RegisterEntry, keyworker, allocated_by, meeting=None, on: date | None = None
) -> Allocation:
    """Allocate a keyworker to an eligible person; the wait from eligibility is recorded."""
    on = on or timezone.localdate()
    if entry.status not in selectors.ALLOCATABLE_STATUSES:
        raise ValidationError("Keyworking is allocated only to people accepted on the register.")
    _check_keyworker(entry, keyworker)
    if Allocation.objects.filter(person_id=entry.person_id, ended_on__isnull=True).exists():
        raise _already_allocated(entry.person_id)
    found = selectors.entry_eligibility(entry, on)
    if found.since is None:
        problem = found.problem or "they were not on the register on that date"
        raise ValidationError(f"Not eligible for keyworking: {problem}.")
    return _insert(
        area_id=entry.area_id,
        person_id=entry.person_id,
        entry=entry,
        keyworker=keyworker,
        eligible_since=found.since,
        allocated_on=on,
        allocated_by=allocated_by,
        meeting=meeting,
    )


def _lock_open(allocation: Allocation) -> Allocation:
    current = Allocation.objects.select_for_update().get(pk=allocation.pk)
    if current.ended_on is not None:
        raise ValidationError("This keyworking has already been closed or reallocated by someone else.")
    return current


def _end(allocation: Allocation, *, reason: str, ended_by, on: date) -> Allocation:
    allocation.ended_on = on
    allocation.end_reason = reason
    allocation.ended_by = ended_by
    allocation.save(update_fields=["ended_on", "end_reason", "ended_by"])
    return allocation


@transaction.atomic
def allocation_reallocate(
    *, allocation: Allocation, keyworker, reason: str, reallocated_by, meeting=None, on: date | None = None
) -> Allocation:
    """Hand the case to another keyworker. The new allocation keeps the original eligibility
    date, so the waiting time stays the person's real wait."""
    on = on or timezone.localdate()
    if not reason.strip():
        raise ValidationError({"reason": "Say why the case is being reallocated"})
    current = _lock_open(allocation)
    _check_keyworker(current.entry, keyworker)
    if keyworker.pk == current.keyworker_id:
        raise ValidationError({"keyworker": "Choose a different keyworker"})
    _end(current, reason=f"Reallocated to {keyworker.display_name}: {reason}", ended_by=reallocated_by, on=on)
    return _insert(
        area_id=current.area_id,
        person_id=current.person_id,
        entry_id=current.entry_id,
        keyworker=keyworker,
        eligible_since=current.eligible_since,
        allocated_on=on,
        allocated_by=reallocated_by,
        meeting=meeting,
    )


@transaction.atomic
def allocation_close(
    *, allocation: Allocation, reason: str, detail: str = "", closed_by, on: date | None = None
) -> Allocation:
    """Close keyworking with a reason (one of ClosureReason, or free text from a meeting)."""
    on = on or timezone.localdate()
    label = ClosureReason(reason).label if reason in ClosureReason.values else reason.strip()
    if not label or (reason == ClosureReason.OTHER and not detail.strip()):
        raise ValidationError({"detail": "Say why keyworking is closing"})
    current = _lock_open(allocation)
    if on < current.allocated_on:
        raise ValidationError({"on": "Keyworking cannot close before it was allocated"})
    return _end(current, reason=f"{label}: {detail}" if detail.strip() else label, ended_by=closed_by, on=on)
