"""DSR MDT review meetings: the area's multi-agency meeting that reviews ratings and agrees actions."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    CLOSED = "closed", "Closed"


@track_changes()
class Meeting(AreaOwned):
    held_on = models.DateField()
    urgent = models.BooleanField(default=False, help_text="An ad-hoc meeting called for an urgent case.")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{'Urgent ' if self.urgent else ''}DSR MDT meeting on {self.held_on:%-d %B %Y}"
