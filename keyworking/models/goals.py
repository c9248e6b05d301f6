"""Personalised goals agreed with the young person and family, and progress towards them."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models import Allocation, Person


class GoalStatus(models.TextChoices):
    ACTIVE = "active", "Working on it"
    ACHIEVED = "achieved", "Achieved"
    STOPPED = "stopped", "No longer a goal"


@track_changes()
class Goal(AreaOwned):
    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="goals")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="keyworking_goals")
    description = models.TextField("Goal, in the young person's or family's words")
    agreed_on = models.DateField(default=timezone.localdate)
    target_on = models.DateField("Hoped for by", null=True, blank=True)
    status = models.CharField(max_length=10, choices=GoalStatus.choices, default=GoalStatus.ACTIVE)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["status", "target_on", "id"]

    def __str__(self) -> str:
        return self.description[:60]


class GoalProgress(AreaOwned):
    """How far towards a goal, 0 (not started) to 10 (achieved), as rated on a day. Append-only."""

    append_only = True

    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="progress")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recorded_on = models.DateField(default=timezone.localdate)
    score = models.PositiveSmallIntegerField("Progress (0 to 10)")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-recorded_on", "-recorded_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(score__lte=10), name="goal_progress_0_to_10")]

    def __str__(self) -> str:
        return f"{self.score}/10 on {self.recorded_on}"
