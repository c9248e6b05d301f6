"""DSR MDT review meetings: the area's multi-agency meeting that reviews ratings and agrees actions.

A meeting runs planned → in progress → closed. Its agenda items are the cases discussed, with
the decisions taken; once the meeting is closed the minutes (items, actions' wording) are locked
by database triggers and corrections are added as amendments. Feedback to the family and the
referrer, and the follow-up of actions, carry on after the close.
"""

import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned, AreaSettings
from audit.history import track_changes
from dsr.models.choices import Rating
from dsr.models.entry import RegisterEntry
from dsr.models.person import Person


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    CLOSED = "closed", "Closed"


@track_changes()
class MeetingSettings(AreaSettings):
    """How one area runs its DSR MDT meetings. Without a row, the national defaults apply."""

    feedback_working_days = models.PositiveSmallIntegerField(
        "Feedback to the family and referrer within (working days)", default=5
    )
    review_due_window_days = models.PositiveSmallIntegerField(
        "Put reviews due this many days after the meeting on its agenda", default=7
    )

    class Meta:
        verbose_name_plural = "meeting settings"

    def __str__(self) -> str:
        return f"Meeting settings for area {self.area_id}"


# Refuses any change to a row of a closed meeting's minutes. A transfer only moves rows to another
# area (area_id), which stays allowed. `{meeting}` is the column naming the meeting.
_LOCK_WHEN_CLOSED = """
IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'area_id' {ignored}) = (to_jsonb(NEW) - 'area_id' {ignored}) THEN
  RETURN NEW;
END IF;
IF EXISTS (
  SELECT 1 FROM dsr_meeting
   WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.{meeting} ELSE NEW.{meeting} END) AND status = 'closed'
) THEN
  RAISE EXCEPTION 'The minutes of a closed meeting are locked: add an amendment instead'
    USING ERRCODE = 'check_violation';
END IF;
RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
"""


def _minutes_lock(meeting_column: str, ignored: tuple[str, ...] = ()) -> pgtrigger.Trigger:
    return pgtrigger.Trigger(
        name="minutes_locked_when_closed",
        when=pgtrigger.Before,
        operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
        func=_LOCK_WHEN_CLOSED.format(meeting=meeting_column, ignored="".join(f" - '{column}'" for column in ignored)),
    )


@track_changes()
class Meeting(AreaOwned):
    held_on = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True, help_text="A room, or how to join online.")
    urgent = models.BooleanField(default=False, help_text="An ad-hoc meeting called for an urgent case.")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    started_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["area", "-held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="closed") | models.Q(closed_at__isnull=False, closed_by__isnull=False),
                name="closed_meeting_has_when_and_who",
            ),
        ]
        triggers = [
            # Closed is final: a closed meeting's own record never changes again.
            pgtrigger.Trigger(
                name="closed_meeting_is_final",
                when=pgtrigger.Before,
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__status="closed"),
                func="RAISE EXCEPTION 'A closed meeting cannot be changed' USING ERRCODE = 'check_violation';",
            ),
        ]

    def __str__(self) -> str:
        return f"{'Urgent ' if self.urgent else ''}DSR MDT meeting on {self.held_on:%-d %B %Y}"

    @property
    def is_closed(self) -> bool:
        return self.status == MeetingStatus.CLOSED


@track_changes()
class MeetingAttendee(AreaOwned):
    """Someone at the meeting: a user of the area, or an external attendee by name."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200, blank=True, help_text="For attendees without an account here.")
    organisation = models.CharField("Organisation or role", max_length=200, blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(name=""), name="attendee_is_a_user_or_named"
            ),
            models.UniqueConstraint(fields=["meeting", "user"], name="attendee_user_once_per_meeting"),
        ]
        triggers = [_minutes_lock("meeting_id")]

    def __str__(self) -> str:
        return self.name or f"User {self.user_id}"


class AgendaReason(models.TextChoices):
    """Why a case is on the agenda, most pressing first."""

    URGENT = "urgent", "Urgent addition"
    BLUE = "blue", "Blue: inpatient"
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    NEW = "new", "Newly accepted"
    REVIEW_DUE = "review_due", "Review due or overdue"
    ELIGIBLE_UNALLOCATED = "eligible_unallocated", "Eligible for keyworking, not allocated"
    ALLOCATION_REVIEW = "allocation_review", "Keyworking allocation due for review"


class ItemStatus(models.TextChoices):
    TO_DISCUSS = "to_discuss", "To discuss"
    DISCUSSED = "discussed", "Discussed"
    DEFERRED = "deferred", "Deferred to the next meeting"
    REMOVED = "removed", "Taken off the agenda"


class KeyworkingDecision(models.TextChoices):
    NONE = "", "No keyworking decision"
    ALLOCATE = "allocate", "Allocate a keyworker"
    KEEP = "keep", "Keep keyworking as it is"
    CLOSE = "close", "Close keyworking"


@track_changes()
class AgendaItem(AreaOwned):
    """One case on a meeting's agenda and, once discussed, the decisions about it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, related_name="+")
    reasons = ArrayField(models.CharField(max_length=20, choices=AgendaReason.choices), default=list)
    urgent_note = models.TextField("Why it is urgent", blank=True)
    position = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=12, choices=ItemStatus.choices, default=ItemStatus.TO_DISCUSS)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The discussion.
    rating_before = models.CharField(max_length=5, choices=Rating.choices, blank=True)
    rating_change = models.ForeignKey(
        "dsr.RatingChange", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField("Discussion notes", blank=True)
    keyworking_decision = models.CharField(max_length=10, choices=KeyworkingDecision.choices, blank=True)
    keyworking_reason = models.TextField(blank=True)
    allocation = models.ForeignKey("dsr.Allocation", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    discussed_at = models.DateTimeField(null=True, blank=True)
    feedback_due = models.DateField(null=True, blank=True, help_text="Set when the meeting closes.")

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="person_once_per_agenda"),
            models.CheckConstraint(
                condition=~models.Q(keyworking_decision="close") | ~models.Q(keyworking_reason=""),
                name="keyworking_closure_has_reason",
            ),
        ]
        triggers = [_minutes_lock("meeting_id")]

    def __str__(self) -> str:
        return f"Person {self.person_id} at meeting {self.meeting_id}"

    @property
    def reason_labels(self) -> list[str]:
        return [AgendaReason(reason).label for reason in self.reasons]

    @property
    def is_urgent(self) -> bool:
        return AgendaReason.URGENT in self.reasons


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


@track_changes()
class MeetingAction(AreaOwned):
    """An action agreed at a meeting, about one case, with an owner and a due date. Its wording
    is part of the minutes; its progress (status) is followed up after the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="actions")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="meeting_actions"
    )
    owner_name = models.CharField("Owner (if not a user here)", max_length=200, blank=True)
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    status_note = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["person", "status"]), models.Index(fields=["owner", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False) | ~models.Q(owner_name=""), name="action_has_an_owner"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="done") | models.Q(completed_on__isnull=False),
                name="done_action_has_completion_date",
            ),
        ]
        # Progress after the close is allowed; the agreed wording, owner and date are not.
        triggers = [_minutes_lock("meeting_id", ignored=("status", "completed_on", "status_note"))]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def owner_label(self) -> str:
        return self.owner.display_name if self.owner_id else self.owner_name


class FeedbackRecipient(models.TextChoices):
    FAMILY = "family", "Family"
    REFERRER = "referrer", "Referrer"


class FeedbackMethod(models.TextChoices):
    PHONE = "phone", "Phone call"
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    FACE_TO_FACE = "face_to_face", "Face to face"
    VIDEO = "video", "Video call"
    MESSAGE = "message", "Text message"


class MeetingFeedback(AreaOwned):
    """Feedback of a meeting's outcome given to the family or the referrer. Append-only."""

    append_only = True

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="feedback")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recipient = models.CharField(max_length=10, choices=FeedbackRecipient.choices)
    given_on = models.DateField()
    method = models.CharField(max_length=15, choices=FeedbackMethod.choices)
    given_to = models.CharField("Given to (name)", max_length=200, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["given_on", "id"]
        constraints = [models.UniqueConstraint(fields=["item", "recipient"], name="feedback_once_per_recipient")]

    def __str__(self) -> str:
        return f"{self.get_recipient_display()} told on {self.given_on}"


class MinutesAmendment(AreaOwned):
    """A correction to a closed meeting's minutes, kept beside them (never instead). Append-only.

    About one case (`item`, `person`) or the meeting as a whole."""

    append_only = True

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="amendments")
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="amendments")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text = models.TextField("Correction")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["made_at", "id"]

    def __str__(self) -> str:
        return f"Amendment to meeting {self.meeting_id} at {self.made_at:%Y-%m-%d %H:%M}"
