"""Changing an area's referral settings."""

from areas.models import Area
from areas.services import settings_update
from referrals.models import ReferralSettings

EDITABLE = ReferralSettings.setting_names()


def referral_settings_update(*, area: Area | int, user, **changes) -> ReferralSettings:
    return settings_update(ReferralSettings, area, user=user, **changes)
