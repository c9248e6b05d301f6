"""Keyworker allocations: decided for a person on the register (usually at a DSR MDT meeting).

Kept with the register because the caseload comes only from the register; keyworking and
C(E)TR follow-up both read it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models.entry import RegisterEntry
from dsr.models.meeting import Meeting
from dsr.models.person import Person


@track_changes()
class Allocation(AreaOwned):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="allocations")
    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, related_name="allocations")
    keyworker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations")
    eligible_since = models.DateField(help_text="When the person became eligible: waiting time runs from here.")
    allocated_on = models.DateField(default=timezone.localdate)
    allocated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="allocations")
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-allocated_on", "-id"]
        constraints = [
            # Two chairs allocating at once: the database lets exactly one succeed.
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(ended_on__isnull=True), name="one_open_allocation_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | ~models.Q(end_reason=""), name="ended_allocation_has_reason"
            ),
        ]
        indexes = [models.Index(fields=["keyworker", "ended_on"])]

    def __str__(self) -> str:
        return f"Keyworker {self.keyworker_id} for person {self.person_id} from {self.allocated_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None
