"""Dashboard settings (small-number suppression per area and per partnership) and the monthly
snapshots the dashboards are drawn from.

Snapshots hold aggregate counts only: no person, no record id, no free text. They carry
`area_id`, so row-level security (areas.rls) limits them to the reader's areas like any record.
"""

from django.db import models
from django.utils import timezone

from areas.models import AreaOwned, AreaSettings, PartnershipSettings
from audit.history import track_changes
from dashboards.disclosure import NATIONAL_ROUNDING, NATIONAL_THRESHOLD, Policy

# Mirrors dashboards.disclosure.policy_problem, so no code path can store a policy that would
# show a small count as a misleading 0.
_VALID_POLICY = models.Q(suppress_below__gte=2, round_to__gte=1, round_to__lte=2 * models.F("suppress_below"))


class SuppressionSettings(models.Model):
    """Small-number suppression: shared by an area's and a partnership's settings."""

    suppress_below = models.PositiveSmallIntegerField(
        "Show counts below this as *",
        default=NATIONAL_THRESHOLD,
        help_text="National default 8: counts from 1 to 7 are shown as *.",
    )
    round_to = models.PositiveSmallIntegerField(
        "Round other counts to the nearest", default=NATIONAL_ROUNDING, help_text="National default 5."
    )

    class Meta:
        abstract = True

    @property
    def policy(self) -> Policy:
        return Policy(self.suppress_below, self.round_to)


@track_changes()
class DashboardSettings(SuppressionSettings, AreaSettings):
    """One area's suppression of small numbers. Without a row, the national defaults apply."""

    class Meta:
        verbose_name_plural = "dashboard settings"
        constraints = [models.CheckConstraint(condition=_VALID_POLICY, name="dashboard_policy_valid")]

    def __str__(self) -> str:
        return f"Dashboard settings for area {self.area_id}"


@track_changes()
class PartnershipDashboardSettings(SuppressionSettings, PartnershipSettings):
    """A partnership's suppression for its combined figures (the stricter of this and its
    areas' settings applies)."""

    class Meta:
        verbose_name_plural = "partnership dashboard settings"
        constraints = [models.CheckConstraint(condition=_VALID_POLICY, name="partnership_dashboard_policy_valid")]

    def __str__(self) -> str:
        return f"Dashboard settings for partnership {self.partnership_id}"


class Snapshot(AreaOwned):
    """One area's figures for one month: final once taken after the month ended (never retaken
    by the nightly task, so published trends stay stable), provisional before."""

    month = models.DateField(help_text="The first day of the month.")
    taken_at = models.DateTimeField(default=timezone.now)
    final = models.BooleanField(default=False)

    class Meta:
        ordering = ["area", "month"]
        constraints = [
            models.UniqueConstraint(fields=["area", "month"], name="one_snapshot_per_area_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="snapshot_month_starts_on_first"),
        ]

    def __str__(self) -> str:
        return f"Snapshot of area {self.area_id} for {self.month:%B %Y}"


class Figure(AreaOwned):
    """One raw aggregate count (or sum, for averages) of a snapshot, by its code in
    dashboards.catalogue. Raw: suppression is applied when figures are shown, because it
    depends on how areas are combined."""

    month = models.DateField()
    code = models.CharField(max_length=60)
    value = models.BigIntegerField()

    class Meta:
        ordering = ["area", "month", "code"]
        constraints = [
            models.UniqueConstraint(fields=["area", "month", "code"], name="one_figure_per_area_month_code"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="figure_not_negative"),
        ]
        indexes = [models.Index(fields=["month", "area"])]

    def __str__(self) -> str:
        return f"{self.code} = {self.value}"
