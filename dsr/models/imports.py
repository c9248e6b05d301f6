"""A record of each spreadsheet imported into an area's register: who, when, which file, and
the people it added (each row's records also carry the import in their change history)."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned


class RegisterImport(AreaOwned):
    """Append-only: the application's database role may add these, never change them."""

    append_only = True

    reference = models.UUIDField(unique=True, help_text="Also in the change-history context of every imported row.")
    file_name = models.CharField(max_length=255)
    row_count = models.PositiveIntegerField()
    person_ids = ArrayField(models.BigIntegerField(), default=list)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.file_name}: {self.row_count} rows on {self.imported_at:%Y-%m-%d}"
