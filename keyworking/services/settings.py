"""Changing an area's keyworking settings."""

from areas.models import Area
from areas.services import settings_update
from keyworking.models import KeyworkingSettings


def keyworking_settings_update(*, area: Area | int, user, **changes) -> KeyworkingSettings:
    return settings_update(KeyworkingSettings, area, user=user, **changes)
