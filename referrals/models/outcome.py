"""Telling the referrer and the family what was decided, including when the answer is no."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from dsr.models import Person
from referrals.models.choices import OutcomeMethod, OutcomeRecipient
from referrals.models.referral import Referral


class OutcomeCommunication(AreaOwned):
    """One telling of the outcome: to whom, how and on which day. Append-only (a mistake is put
    right by recording the telling again)."""

    append_only = True

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="outcome_communications")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recipient = models.CharField(max_length=10, choices=OutcomeRecipient.choices)
    method = models.CharField(max_length=10, choices=OutcomeMethod.choices)
    told_on = models.DateField()
    note = models.TextField(max_length=1000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["told_on", "id"]

    def __str__(self) -> str:
        return f"Outcome told to {self.get_recipient_display().lower()} on {self.told_on}"
