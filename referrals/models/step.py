"""The triage trail of a referral: what happened, when, who did it and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from dsr.models import Person
from referrals.models.choices import Step
from referrals.models.referral import Referral


class TriageStep(AreaOwned):
    """One step (received, awaiting information, under review, a decision, forwarded).
    Append-only; moves with its referral when forwarded and with the person on a transfer."""

    append_only = True

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="steps")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    step = models.CharField(max_length=25, choices=Step.choices)
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["referral", "at"])]

    def __str__(self) -> str:
        return f"{self.get_step_display()} at {self.at:%Y-%m-%d %H:%M}"
