"""Per-area register settings. The field defaults are the national defaults."""

from django.db import models

from areas.models import AreaSettings
from audit.history import track_changes
from dsr.models.choices import Rating


@track_changes()
class RegisterSettings(AreaSettings):
    """How one area runs its register. Without a row, the national defaults apply."""

    review_days_red = models.PositiveSmallIntegerField("Review every (days) when red", default=14)
    review_days_amber = models.PositiveSmallIntegerField("Review every (days) when amber", default=28)
    review_days_green = models.PositiveSmallIntegerField("Review every (days) when green", default=28)
    review_days_blue = models.PositiveSmallIntegerField("Review every (days) when blue", default=14)
    post_discharge_rating = models.CharField(
        max_length=5, choices=[(Rating.RED, Rating.RED.label), (Rating.AMBER, Rating.AMBER.label)], default=Rating.RED
    )
    post_discharge_hold_days = models.PositiveSmallIntegerField("Days the post-discharge rating is held", default=14)
    consent_recheck_days = models.PositiveSmallIntegerField("Re-check consent every (days)", default=365)
    adult_register_age = models.PositiveSmallIntegerField("Age at which the adults' register begins", default=18)
    transition_flag_months = models.PositiveSmallIntegerField(
        "Flag people this many months before the adults' register", default=6
    )

    class Meta:
        verbose_name_plural = "register settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(adult_register_age__gte=16), name="adult_register_age_16_plus"),
        ]

    def __str__(self) -> str:
        return f"Register settings for area {self.area_id}"

    def review_days(self, rating: str) -> int:
        return getattr(self, f"review_days_{rating}")
