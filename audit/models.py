"""The access log: who read which identifiable records, when, where from and through what."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned


class AccessLogEntry(AreaOwned):
    """One read of one or more records of one area (a page, list, export or API answer).

    Append-only: the application's database role may insert and read, never change or delete.
    """

    append_only = True

    class Kind(models.TextChoices):
        DETAIL = "detail", "Viewed a record"
        LIST = "list", "Viewed a list"
        EXPORT = "export", "Exported"
        API = "api", "Read through the API"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    record_type = models.CharField(max_length=60)
    record_ids = ArrayField(models.BigIntegerField(), default=list)
    person_ids = ArrayField(models.BigIntegerField(), default=list, help_text="People the records are about.")
    path = models.CharField(max_length=500)
    method = models.CharField(max_length=10)
    client_ip = models.GenericIPAddressField(null=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["area", "-at"]),
            models.Index(fields=["user", "-at"]),
            GinIndex(fields=["person_ids"]),
        ]
        verbose_name_plural = "access log entries"

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.record_type} at {self.at:%Y-%m-%d %H:%M}"
