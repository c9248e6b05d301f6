"""Clinical input from a keyworking senior practitioner on a case. Append-only."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from dsr.models import Allocation, Person


class ClinicalNote(AreaOwned):
    append_only = True

    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="clinical_notes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("Clinical input")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-written_at", "-id"]

    def __str__(self) -> str:
        return f"Clinical input on {self.written_at:%Y-%m-%d}"
