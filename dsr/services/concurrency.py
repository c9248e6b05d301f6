"""Optimistic concurrency: an edit saves only if nobody else saved since the editor opened it."""

from django.db import models, transaction
from django.db.models import F

from dsr.errors import ChangedSinceOpened


@transaction.atomic
def save_if_unchanged(record: models.Model, *, opened_version: int, changes: dict[str, object]) -> models.Model:
    """Apply `changes` to `record` if its version is still `opened_version`; otherwise raise
    ChangedSinceOpened naming the fields someone else changed meanwhile."""
    model = type(record)
    updated = model.objects.filter(pk=record.pk, version=opened_version).update(
        **changes, version=F("version") + 1, updated_at=models.functions.Now()
    )
    if not updated:
        current = model.objects.get(pk=record.pk)
        changed = {
            field: (getattr(record, field), getattr(current, field))
            for field in changes
            if getattr(record, field) != getattr(current, field)
        }
        raise ChangedSinceOpened(current, changed)
    record.refresh_from_db()
    return record
