"""Reminders: per-area settings, each user's email preference, and the notification ledger.

A `Notification` row is both the delivery ledger and the in-app notification. Its unique key
(rule, subject, due date, recipient) is written before anything is sent, so however often a
sweep runs, is retried or runs twice at once, each reminder exists once and is sent once.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned, AreaSettings
from audit.history import track_changes


@track_changes()
class NotificationSettings(AreaSettings):
    """How one area's reminders run. Without a row, the national defaults apply."""

    review_due_soon_days = models.PositiveSmallIntegerField(
        "Remind this many days before a register review is due", default=7
    )
    consent_warning_days = models.PositiveSmallIntegerField(
        "Remind this many days before consent needs re-checking", default=28
    )
    hold_ending_warning_days = models.PositiveSmallIntegerField(
        "Remind this many days before a post-discharge hold ends", default=2
    )
    oversight_visit_weeks_children = models.PositiveSmallIntegerField(
        "Oversight visits for children placed out of area every (weeks)", default=6
    )
    oversight_visit_weeks_adults = models.PositiveSmallIntegerField(
        "Oversight visits for adults placed out of area every (weeks)", default=8
    )
    oversight_visit_warning_days = models.PositiveSmallIntegerField(
        "Remind this many days before an oversight visit is due", default=7
    )
    # Keyworking: a case with no contact for this many days, by its rating.
    no_contact_days_red = models.PositiveSmallIntegerField(
        "Remind keyworkers of no contact after (days), red", default=7
    )
    no_contact_days_blue = models.PositiveSmallIntegerField(
        "Remind keyworkers of no contact after (days), blue", default=7
    )
    no_contact_days_amber = models.PositiveSmallIntegerField(
        "Remind keyworkers of no contact after (days), amber", default=14
    )
    no_contact_days_green = models.PositiveSmallIntegerField(
        "Remind keyworkers of no contact after (days), green", default=28
    )
    keyworking_review_warning_days = models.PositiveSmallIntegerField(
        "Remind this many days before a keyworking review (goals and outcomes) is due", default=7
    )
    cetr_warning_days = models.PositiveSmallIntegerField("Remind this many days before a C(E)TR is due", default=7)
    cetr_papers_warning_days = models.PositiveSmallIntegerField(
        "Remind this many days before C(E)TR papers are due", default=2
    )
    feedback_warning_days = models.PositiveSmallIntegerField(
        "Remind this many days before MDT feedback to a family and referrer is due", default=1
    )
    referral_warning_days = models.PositiveSmallIntegerField(
        "Remind this many days before a referral decision is due", default=7
    )

    class Meta:
        verbose_name_plural = "notification settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(oversight_visit_weeks_children__gte=1, oversight_visit_weeks_adults__gte=1),
                name="oversight_visit_interval_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"Notification settings for area {self.area_id}"


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", "An email for each reminder, as it happens"
    DIGEST = "digest", "One email a day listing new reminders (at 7am)"


# Until a user chooses: one email a day rather than one per reminder.
DEFAULT_EMAIL_CHOICE = EmailChoice.DIGEST


class NotificationPreference(models.Model):
    """How a user wants to hear of reminders by email (in-app notifications always appear)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email = models.CharField("Email me", max_length=10, choices=EmailChoice.choices, default=DEFAULT_EMAIL_CHOICE)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.get_email_display()} for user {self.user_id}"


class Notification(AreaOwned):
    """One reminder for one recipient: the ledger row and the in-app notification.

    Life: claimed (inserted or re-claimed by a sweep) → delivered (shown in-app; emailed at once
    for immediate recipients) or withdrawn (the recipient no longer held the role when it was
    sent) → emailed (immediately, or in the daily digest) → read/unread by the recipient.
    """

    rule = models.CharField(max_length=40)
    subject_id = models.BigIntegerField(help_text="The record the reminder is about (its type follows from the rule).")
    due_on = models.DateField()
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    # Carried so that a transfer moves the reminder with the person (keyworking_move_person).
    person = models.ForeignKey("dsr.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    email_due = models.BooleanField(default=False, help_text="Waiting for the daily digest.")
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-delivered_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "subject_id", "due_on", "recipient"], name="one_notification_per_reminder"
            ),
            models.CheckConstraint(
                condition=models.Q(delivered_at__isnull=True) | models.Q(withdrawn_at__isnull=True),
                name="notification_delivered_or_withdrawn",
            ),
        ]
        indexes = [
            models.Index(
                fields=["claimed_at"],
                condition=models.Q(delivered_at__isnull=True, withdrawn_at__isnull=True),
                name="notification_undelivered",
            ),
            models.Index(
                fields=["recipient"],
                condition=models.Q(email_due=True, emailed_at__isnull=True),
                name="notification_awaiting_digest",
            ),
            models.Index(fields=["recipient", "-delivered_at", "-id"], name="notification_inbox"),
            # Covers the inbox's counts (all and unread) so they read the index alone, not
            # every one of a busy recipient's rows.
            models.Index(
                fields=["recipient", "area", "rule", "read_at"],
                condition=models.Q(delivered_at__isnull=False, withdrawn_at__isnull=True),
                name="notification_inbox_counts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule} for {self.subject_id} due {self.due_on} to user {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
