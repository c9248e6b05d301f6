"""Transfers of a person's register entry from one area to another."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import Area, AreaOwned
from audit.history import track_changes
from dsr.models.person import Person


class TransferStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    CANCELLED = "cancelled", "Cancelled"


@track_changes()
class Transfer(AreaOwned):
    """Requested by the origin area (`area`), decided by the destination. Both areas see it:
    row-level security also admits the destination (see `rls_extra_area_columns`)."""

    rls_extra_area_columns = ("destination_id",)

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="transfers")
    destination = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    # What the destination may see before accepting (the person's record stays invisible to it
    # until then): name, date of birth, NHS number, register, written when the request is made.
    summary = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=TransferStatus.choices, default=TransferStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(status="requested"), name="one_pending_transfer_per_person"
            ),
            models.CheckConstraint(condition=~models.Q(destination=models.F("area")), name="transfer_to_another_area"),
        ]

    def __str__(self) -> str:
        return f"Transfer of {self.person_id} to area {self.destination_id}"
