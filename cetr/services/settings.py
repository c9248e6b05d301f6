"""Changing an area's C(E)TR settings."""

from django.db import transaction

from cetr.models import CetrSettings

EDITABLE_FIELDS = tuple(
    field.name for field in CetrSettings._meta.get_fields() if field.concrete and field.name not in ("id", "area")
)


@transaction.atomic
def cetr_settings_update(*, settings: CetrSettings, **values) -> CetrSettings:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not C(E)TR settings: {sorted(unknown)}")
    for name, value in values.items():
        setattr(settings, name, value)
    settings.full_clean(exclude=["area"])
    settings.save()
    return settings
