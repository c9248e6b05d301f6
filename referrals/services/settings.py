"""Changing an area's referral settings."""

from django.db import transaction

from referrals.models import ReferralSettings

EDITABLE = (
    "decision_target_days",
    "public_form_open",
    "public_submissions_per_hour",
    "public_minimum_fill_seconds",
    "maximum_age",
    "enquiries_phone",
)


@transaction.atomic
def referral_settings_update(*, settings: ReferralSettings, **changes) -> ReferralSettings:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not referral settings: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(settings, field, value)
    settings.full_clean(exclude=["area"])
    settings.save(update_fields=list(changes))
    return settings
