"""An area's ask that another area transfer a person to it: made when adding someone whose NHS
number the other area already holds."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import Area, AreaOwned
from audit.history import track_changes
from dsr.models.person import Person


class TransferAskStatus(models.TextChoices):
    OPEN = "open", "Open"
    TRANSFER_REQUESTED = "requested", "Transfer requested"
    DECLINED = "declined", "Declined"


@track_changes()
class TransferAsk(AreaOwned):
    """Owned by the area holding the person (`area`), which alone sees it: the asking area
    (`destination`) never reads it back, so nothing of the record reaches the asker. Answered
    by the holder requesting the transfer (see `transfer_request`) or declining."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="transfer_asks")
    destination = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(blank=True)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=TransferAskStatus.choices, default=TransferAskStatus.OPEN)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-asked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "destination"],
                condition=models.Q(status="open"),
                name="one_open_transfer_ask_per_person_and_destination",
            ),
        ]

    def __str__(self) -> str:
        return f"Ask to transfer {self.person_id} to area {self.destination_id}"
