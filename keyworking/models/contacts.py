"""The contact log: each contact a keyworker has about a case. Its author may edit it for a
short per-area window; after that it is corrected only by amendments, kept beside it."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models import Allocation, Person
from keyworking.models.choices import Activity, ContactMode, ContactWith


@track_changes()
class Contact(AreaOwned):
    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="contacts")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="keyworking_contacts")
    occurred_at = models.DateTimeField("Date and time")
    mode = models.CharField(max_length=15, choices=ContactMode.choices)
    with_whom = ArrayField(models.CharField(max_length=15, choices=ContactWith.choices))
    service = models.CharField("Professional's service", max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField("Duration (minutes)")
    activities = ArrayField(models.CharField(max_length=20, choices=Activity.choices), default=list, blank=True)
    notes = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["person", "-occurred_at"]), models.Index(fields=["allocation", "-occurred_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(duration_minutes__lte=24 * 60), name="contact_within_a_day"),
            models.CheckConstraint(condition=~models.Q(with_whom=[]), name="contact_is_with_someone"),
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} on {self.occurred_at:%Y-%m-%d %H:%M}"

    @property
    def with_whom_labels(self) -> list[str]:
        return [ContactWith(value).label for value in self.with_whom]

    @property
    def activity_labels(self) -> list[str]:
        return [Activity(value).label for value in self.activities]


class ContactAmendment(AreaOwned):
    """A later correction or addition to a contact record. Append-only."""

    append_only = True

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="amendments")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("Amendment")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["made_at", "id"]

    def __str__(self) -> str:
        return f"Amendment to contact {self.contact_id}"
