"""A referral passed from one area to another (the young person lives elsewhere)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import Area, AreaOwned
from referrals.models.referral import Referral


class ReferralForward(AreaOwned):
    """Kept by the area that forwarded (`area`) and seen by the area it went to (row-level
    security also admits `destination`). The origin sees only this note: the reference, where
    it went, when, by whom and why. The referral itself is the destination's from then on.

    `reference` is copied so the origin can list its forwards without reading the referral,
    which row-level security no longer shows it. Append-only."""

    append_only = True
    rls_extra_area_columns = ("destination_id",)

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=14)
    destination = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(max_length=1000)
    forwarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    forwarded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-forwarded_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(destination=models.F("area")), name="forward_to_another_area"),
            models.CheckConstraint(condition=models.Q(reason__gt=""), name="forward_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} forwarded to area {self.destination_id}"
