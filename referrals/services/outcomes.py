"""Recording that the outcome was told to the referrer and the family."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from referrals import rules
from referrals.models import OutcomeCommunication, Referral
from referrals.models.choices import DECIDED_STATUSES


@transaction.atomic
def outcome_record(
    *, referral: Referral, recipient: str, method: str, told_on: date, recorded_by, note: str = ""
) -> OutcomeCommunication:
    """Record one telling of the decision, including when the referral was not accepted."""
    if referral.status not in DECIDED_STATUSES:
        raise ValidationError("Record how the outcome was told once the referral has been decided.")
    decided_on = timezone.localdate(referral.decided_at)
    problem = rules.told_on_problem(told_on, decided_on=decided_on, today=timezone.localdate())
    if problem:
        raise ValidationError({"told_on": problem})
    communication = OutcomeCommunication(
        area_id=referral.area_id,
        referral=referral,
        person_id=referral.person_id,
        recipient=recipient,
        method=method,
        told_on=told_on,
        note=note.strip(),
        recorded_by=recorded_by,
    )
    communication.full_clean(exclude=["area", "referral", "person", "recorded_by"])
    communication.save()
    return communication
