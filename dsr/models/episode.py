"""Inpatient episodes: admission to and discharge from a mental-health hospital."""

from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models.entry import RegisterEntry
from dsr.models.person import Person


class MentalHealthActSection(models.TextChoices):
    INFORMAL = "informal", "Informal (not detained)"
    S2 = "s2", "Section 2"
    S3 = "s3", "Section 3"
    S37 = "s37", "Section 37"
    S37_41 = "s37_41", "Section 37/41"
    S47_49 = "s47_49", "Section 47/49"
    S48_49 = "s48_49", "Section 48/49"
    OTHER = "other", "Other"


@track_changes()
class InpatientEpisode(AreaOwned):
    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, related_name="episodes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    admitted_on = models.DateField()
    hospital = models.CharField(max_length=200)
    secure = models.BooleanField("Secure setting", default=False)
    out_of_area = models.BooleanField("Placed out of area", default=False)
    section = models.CharField("Mental Health Act section", max_length=10, choices=MentalHealthActSection.choices)
    section_17_leave = models.TextField("Section 17 leave", blank=True)
    discharged_on = models.DateField(null=True, blank=True)
    discharge_destination = models.CharField(max_length=200, blank=True)
    delay_reasons = models.TextField("Reasons for any delay in discharge", blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-admitted_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(discharged_on__isnull=True), name="one_open_episode_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(discharged_on__isnull=True) | models.Q(discharged_on__gte=models.F("admitted_on")),
                name="discharge_not_before_admission",
            ),
        ]

    def __str__(self) -> str:
        return f"Admitted to {self.hospital} on {self.admitted_on}"

    @property
    def is_open(self) -> bool:
        return self.discharged_on is None
