"""Per-area keyworking settings. The field defaults are the national defaults."""

from decimal import Decimal

from django.db import models

from areas.models import AreaSettings
from audit.history import track_changes


@track_changes()
class KeyworkingSettings(AreaSettings):
    """How one area runs keyworking. Without a row, the national defaults apply."""

    # Caseload weight of one case by its rating: three blue cases count for more than three green.
    weight_blue = models.PositiveSmallIntegerField("Caseload weight of a blue case", default=3)
    weight_red = models.PositiveSmallIntegerField("Caseload weight of a red case", default=3)
    weight_amber = models.PositiveSmallIntegerField("Caseload weight of an amber case", default=2)
    weight_green = models.PositiveSmallIntegerField("Caseload weight of a green case", default=1)
    contact_edit_hours = models.PositiveSmallIntegerField(
        "Hours during which a contact's author may still edit it", default=48
    )
    contact_due_days = models.PositiveSmallIntegerField("Flag a case with no contact for this many days", default=14)
    review_days = models.PositiveSmallIntegerField(
        "Review each allocation (national outcomes) every (days)", default=90
    )
    spend_budget = models.DecimalField(
        "Small-spend budget per financial year (£)", max_digits=9, decimal_places=2, default=Decimal("2000.00")
    )
    spend_item_limit = models.DecimalField(
        "Most that one small spend may be (£)", max_digits=7, decimal_places=2, default=Decimal("100.00")
    )

    class Meta:
        verbose_name_plural = "keyworking settings"

    def __str__(self) -> str:
        return f"Keyworking settings for area {self.area_id}"

    def weight(self, rating: str) -> int:
        return getattr(self, f"weight_{rating}", self.weight_green) if rating else self.weight_green
