"""The rating history. The entry's current rating is derived from it by a database trigger."""

import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from dsr.models.choices import Rating
from dsr.models.entry import RegisterEntry
from dsr.models.meeting import Meeting
from dsr.models.person import Person


class RatingChange(AreaOwned):
    """One decision about an entry's rating. Append-only: a mistake is put right by a newer
    decision, so the history shows both."""

    append_only = True

    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, related_name="rating_changes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(max_length=5, choices=Rating.choices)
    decided_on = models.DateField()
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="rating_changes")
    held_until = models.DateField(
        null=True, blank=True, help_text="After a discharge: the rating may not be lowered before this date."
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-decided_on", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["entry", "-decided_on", "-id"])]
        triggers = [
            pgtrigger.Trigger(
                name="entry_current_rating",
                when=pgtrigger.After,
                operation=pgtrigger.Insert,
                func=f"""
                UPDATE {RegisterEntry._meta.db_table}
                   SET current_rating = NEW.rating, rating_since = NEW.decided_on
                 WHERE id = NEW.entry_id AND (rating_since IS NULL OR rating_since <= NEW.decided_on);
                RETURN NULL;
                """,
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} from {self.decided_on}"
