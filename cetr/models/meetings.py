"""Meetings that are not C(E)TRs, and root-cause reviews of admissions without one.

A Local Area Emergency Protocol (LAEP) or "blue light" meeting is recorded here, in its own
table, precisely so that nothing that counts or lists C(E)TRs (cetr.models.Review) can include
it by mistake.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models import InpatientEpisode, Person


class EmergencyMeetingKind(models.TextChoices):
    LAEP = "laep", "Local Area Emergency Protocol (LAEP) meeting"
    BLUE_LIGHT = "blue_light", "Blue-light meeting"


@track_changes()
class EmergencyMeeting(AreaOwned):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cetr_emergency_meetings")
    kind = models.CharField(max_length=10, choices=EmergencyMeetingKind.choices)
    held_on = models.DateField()
    attendees = models.TextField(blank=True)
    outcome = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"


@track_changes()
class RootCauseReview(AreaOwned):
    """Why a person was admitted without a community C(E)TR first, and what is learnt."""

    episode = models.OneToOneField(InpatientEpisode, on_delete=models.PROTECT, related_name="root_cause_review")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reviewed_on = models.DateField()
    why_no_community_review = models.TextField("Why no community C(E)TR was held")
    findings = models.TextField("What happened")
    learning = models.TextField("What will change")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Root-cause review of episode {self.episode_id}"
