"""The move from the children's to the adults' register, which needs fresh consent."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from areas.selectors import settings_for
from dsr import rules
from dsr.models import InpatientEpisode, RatingChange, Register, RegisterEntry, RegisterSettings
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.services.consents import consent_record
from dsr.services.entries import entry_open, entry_remove

ADULT_CONSENT_BASES = (ConsentBasis.CAPACITOUS, ConsentBasis.BEST_INTERESTS)


@transaction.atomic
def entry_move_to_adults(
    *, entry: RegisterEntry, on: date, basis: str, given_by: str, relationship: str = "", notes: str = "", moved_by
) -> RegisterEntry:
    """End the children's entry (turned 18) and open the adults' entry with new consent, in one
    transaction. The case content and the current rating carry over: the risk did not change
    on the birthday."""
    if entry.register != Register.CHILDREN or not entry.is_open:
        raise ValidationError("Only someone open on the children's register can move to the adults' register.")
    adult_age = settings_for(RegisterSettings, entry.area_id).adult_register_age
    if rules.register_for(entry.person.date_of_birth, on, adult_age=adult_age) != Register.ADULTS:
        raise ValidationError({"on": f"The person is not {adult_age} on that date"})
    if basis not in ADULT_CONSENT_BASES:
        raise ValidationError({"basis": "From 18: the person's own consent or a best-interests decision"})
    previous_rating = entry.rating_changes.first()
    entry_remove(entry=entry, reason=RemovalReason.TURNED_18, on=on)
    adults = entry_open(
        person=entry.person,
        status=EntryStatus.ACTIVE,
        on=on,
        current_issues=entry.current_issues,
        tried=entry.tried,
        could_help=entry.could_help,
        action_plan=entry.action_plan,
    )
    # An admission in progress continues on the adults' entry (discharge rates that entry).
    InpatientEpisode.objects.filter(entry=entry, discharged_on__isnull=True).update(entry=adults)
    consent_record(
        entry=adults,
        basis=basis,
        given_by=given_by,
        relationship=relationship,
        recorded_on=on,
        recorded_by=moved_by,
        notes=notes,
    )
    if previous_rating is not None:
        RatingChange.objects.create(
            area_id=adults.area_id,
            entry=adults,
            person_id=adults.person_id,
            rating=previous_rating.rating,
            reason="Carried over from the children's register",
            decided_on=on,
            decided_by=moved_by,
            held_until=previous_rating.held_until,
        )
        adults.refresh_from_db()
        days = settings_for(RegisterSettings, adults.area_id).review_days(adults.current_rating)
        adults.last_reviewed_on = entry.last_reviewed_on
        adults.next_review_due = entry.next_review_due or rules.next_review_due(
            adults.current_rating, on, review_days=days
        )
        adults.save(update_fields=["last_reviewed_on", "next_review_due", "updated_at"])
    return adults
