"""Changing an area's C(E)TR settings."""

from areas.models import Area
from areas.services import settings_update
from cetr.models import CetrSettings

EDITABLE_FIELDS = CetrSettings.setting_names()


def cetr_settings_update(*, area: Area | int, user, **changes) -> CetrSettings:
    return settings_update(CetrSettings, area, user=user, **changes)
