"""A person's entry on one area's children's or adults' register, with the working case content."""

from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models.choices import Rating, Register
from dsr.models.person import Person


class EntryStatus(models.TextChoices):
    REFERRED = "referred", "Referred"
    UNDER_REVIEW = "under_review", "Under review"
    ACCEPTED = "accepted", "Accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"
    ACTIVE = "active", "Active"
    REMOVED = "removed", "Removed"


OPEN_STATUSES = (EntryStatus.REFERRED, EntryStatus.UNDER_REVIEW, EntryStatus.ACCEPTED, EntryStatus.ACTIVE)


class RemovalReason(models.TextChoices):
    TURNED_18 = "turned_18", "Turned 18 / moved to the adults' register"
    RISK_REDUCED = "risk_reduced", "Risk reduced: support no longer needed"
    CONSENT_WITHDRAWN = "consent_withdrawn", "Consent withdrawn"
    MOVED_AWAY = "moved_away", "Moved out of area (transfer)"
    DIED = "died", "Died"
    OTHER = "other", "Other"


@track_changes()
class RegisterEntry(AreaOwned):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="entries")
    register = models.CharField(max_length=10, choices=Register.choices)
    status = models.CharField(max_length=15, choices=EntryStatus.choices, default=EntryStatus.REFERRED)
    status_changed_at = models.DateTimeField(default=timezone.now)
    added_on = models.DateField(default=timezone.localdate)
    removed_on = models.DateField(null=True, blank=True)
    removal_reason = models.CharField(max_length=20, choices=RemovalReason.choices, blank=True)
    removal_detail = models.TextField(blank=True)
    flagged_for_removal = models.BooleanField(default=False, help_text="Set when consent is withdrawn.")

    # The working content of the case.
    current_issues = models.TextField("Current issues that could lead to admission", blank=True)
    tried = models.TextField("What has been tried", blank=True)
    could_help = models.TextField("What could help", blank=True)
    action_plan = models.TextField(blank=True)

    # Kept by the database from the rating history (see RatingChange): never written by code.
    current_rating = models.CharField(max_length=5, choices=Rating.choices, blank=True, editable=False)
    rating_since = models.DateField(null=True, blank=True, editable=False)

    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit: detects overlapping edits.")

    class Meta:
        verbose_name_plural = "register entries"
        ordering = ["person__family_name", "person__given_name"]
        constraints = [
            # A person is on at most one register at a time; they may return after removal.
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(status__in=OPEN_STATUSES), name="one_open_entry_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(status=EntryStatus.REMOVED, removed_on__isnull=False, removal_reason__gt="")
                | ~models.Q(status=EntryStatus.REMOVED),
                name="removed_entries_have_date_and_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(removal_reason=RemovalReason.OTHER) | models.Q(removal_detail__gt=""),
                name="other_removal_reason_explained",
            ),
        ]
        indexes = [
            models.Index(fields=["area", "status", "current_rating"]),
            models.Index(fields=["area", "next_review_due"]),
            # The API pages an area's entries by id: without this it walks every area's ids.
            models.Index(fields=["area", "id"], name="entry_area_by_id"),
        ]

    def __str__(self) -> str:
        return f"{self.person} on the {self.get_register_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
