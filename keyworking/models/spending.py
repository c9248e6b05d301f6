"""Small sums spent by keyworkers to help in a situation, against the area's yearly budget."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models import Allocation, Person


@track_changes()
class Spend(AreaOwned):
    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="spends")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="keyworking_spends")
    spent_on = models.DateField(default=timezone.localdate)
    amount = models.DecimalField("Amount (£)", max_digits=7, decimal_places=2)
    what_for = models.TextField("What it was for")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-spent_on", "-id"]
        indexes = [models.Index(fields=["area", "spent_on"])]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="spend_is_positive")]

    def __str__(self) -> str:
        return f"£{self.amount} on {self.spent_on}"
