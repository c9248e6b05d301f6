"""Recording rating decisions. The entry's current rating follows by trigger."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dsr import rules
from dsr.models import Meeting, RatingChange, RegisterEntry
from dsr.services.entries import entry_review


def _hold_in_force(entry: RegisterEntry) -> RatingChange | None:
    return entry.rating_changes.filter(held_until__isnull=False).first()


@transaction.atomic
def rating_record(
    *,
    entry: RegisterEntry,
    rating: str,
    reason: str,
    decided_on: date,
    decided_by,
    meeting: Meeting | None = None,
    held_until: date | None = None,
) -> RatingChange:
    """Record a rating decision; it counts as a review of the entry."""
    if not entry.is_open:
        raise ValidationError("Ratings are recorded only for people on the register.")
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for the rating"})
    hold = _hold_in_force(entry)
    if hold is not None and hold == entry.rating_changes.first():
        problem = rules.rating_change_problem(
            rating, held_until=hold.held_until, held_rating=hold.rating, on=decided_on
        )
        if problem:
            raise ValidationError({"rating": problem})
    change = RatingChange.objects.create(
        area_id=entry.area_id,
        entry=entry,
        person_id=entry.person_id,
        rating=rating,
        reason=reason,
        decided_on=decided_on,
        decided_by=decided_by,
        meeting=meeting,
        held_until=held_until,
    )
    entry.refresh_from_db(fields=["current_rating", "rating_since"])
    entry_review(entry=entry, reviewed_on=decided_on)
    return change
