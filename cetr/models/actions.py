"""A review's recommendations and the actions that carry them out, with their follow-up log
and escalations to the area's oversight panel."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from cetr.models.review import Review
from dsr.models import Person


@track_changes()
class Recommendation(AreaOwned):
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="recommendations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("Recommendation")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    NOT_ACCEPTED = "not_accepted", "Not accepted"
    ESCALATED = "escalated", "Escalated"


# Actions still to be chased: lists of due-soon and overdue actions show only these.
UNRESOLVED_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.ESCALATED)


@track_changes()
class Action(AreaOwned):
    """Who will do what by when. The owner need not have an account (a social worker, a school,
    a provider); `owner_user` links one who has."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.PROTECT, related_name="actions")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    description = models.TextField("What is to be done")
    owner_name = models.CharField("Owner", max_length=200)
    owner_organisation = models.CharField("Owner's organisation", max_length=200)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=15, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    evidence = models.TextField("Evidence of completion", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["area", "status", "due_on"]),
            models.Index(fields=["person", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="done") | (~models.Q(evidence="") & models.Q(completed_on__isnull=False)),
                name="cetr_done_action_has_evidence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.description[:50]} ({self.owner_name}, due {self.due_on})"

    @property
    def is_unresolved(self) -> bool:
        return self.status in UNRESOLVED_STATUSES


class ActionUpdate(AreaOwned):
    """One entry in an action's follow-up log. Append-only: the log is the record of chasing."""

    append_only = True

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    note = models.TextField()
    status_from = models.CharField(max_length=15, choices=ActionStatus.choices)
    status_to = models.CharField(max_length=15, choices=ActionStatus.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.status_from} → {self.status_to} at {self.recorded_at:%Y-%m-%d}"


@track_changes()
class Escalation(AreaOwned):
    """An unresolved action taken to the area's oversight panel, and what the panel decided."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="escalations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    panel_name = models.CharField(max_length=200)
    escalated_on = models.DateField()
    reason = models.TextField()
    escalated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.TextField(blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-escalated_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["action"], condition=models.Q(outcome_on__isnull=True), name="cetr_one_open_escalation"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome_on__isnull=True) | ~models.Q(outcome=""), name="cetr_escalation_outcome_text"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome_on__isnull=True) | models.Q(outcome_on__gte=models.F("escalated_on")),
                name="cetr_escalation_outcome_after",
            ),
        ]

    def __str__(self) -> str:
        return f"Escalated to {self.panel_name} on {self.escalated_on}"

    @property
    def is_open(self) -> bool:
        return self.outcome_on is None
