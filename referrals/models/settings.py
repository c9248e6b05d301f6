"""Per-area referral settings. The field defaults are the national defaults."""

from django.db import models

from areas.models import AreaSettings
from audit.history import track_changes


@track_changes()
class ReferralSettings(AreaSettings):
    """How one area takes and triages referrals. Without a row, the national defaults apply."""

    decision_target_days = models.PositiveSmallIntegerField("Decide within (days) of a referral arriving", default=28)
    public_form_open = models.BooleanField("Take referrals through the public online form", default=True)
    public_submissions_per_hour = models.PositiveSmallIntegerField(
        "Online form: most submissions per hour from one internet address", default=10
    )
    public_minimum_fill_seconds = models.PositiveSmallIntegerField(
        "Online form: fewest seconds a person can take to fill it in (faster is treated as automated)", default=5
    )
    maximum_age = models.PositiveSmallIntegerField("Oldest age taken", default=25)
    enquiries_phone = models.CharField("Phone number for families' questions", max_length=30, blank=True)

    class Meta:
        verbose_name_plural = "referral settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(decision_target_days__gte=1), name="decision_target_positive"),
            models.CheckConstraint(
                condition=models.Q(public_submissions_per_hour__gte=1), name="public_submissions_at_least_one"
            ),
        ]

    def __str__(self) -> str:
        return f"Referral settings for area {self.area_id}"
