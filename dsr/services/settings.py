"""Changing an area's register settings."""

from areas.models import Area
from areas.services import settings_update
from dsr.models import RegisterSettings


def register_settings_update(*, area: Area | int, user, **changes) -> RegisterSettings:
    return settings_update(RegisterSettings, area, user=user, **changes)
