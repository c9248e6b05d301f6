"""The national keyworking outcomes, rated at allocation, review and closure, and the family's
hope score over time. Both append-only: a later rating is added, never edited."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from dsr.models import Allocation, Person
from keyworking.models.choices import OutcomePoint

# The national outcomes each case is rated against (1 = not at all, 5 = completely).
OUTCOME_FIELDS = {
    "safe_and_happy": "The young person feels safe and happy",
    "listened_to": "The young person feels listened to",
    "informed_and_involved": "The young person feels informed and involved in their plans",
    "family_listened_to": "The family feels listened to and involved",
    "family_less_stress": "The family has less stress and uncertainty",
    "family_stability": "The family has more stability",
}


def _score(label: str):
    return models.PositiveSmallIntegerField(label, null=True, blank=True, help_text="1 (not at all) to 5 (completely)")


class OutcomeRating(AreaOwned):
    append_only = True

    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="outcome_ratings")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    point = models.CharField(max_length=10, choices=OutcomePoint.choices)
    rated_on = models.DateField(default=timezone.localdate)
    safe_and_happy = _score(OUTCOME_FIELDS["safe_and_happy"])
    listened_to = _score(OUTCOME_FIELDS["listened_to"])
    informed_and_involved = _score(OUTCOME_FIELDS["informed_and_involved"])
    family_listened_to = _score(OUTCOME_FIELDS["family_listened_to"])
    family_less_stress = _score(OUTCOME_FIELDS["family_less_stress"])
    family_stability = _score(OUTCOME_FIELDS["family_stability"])
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-rated_on", "-recorded_at", "-id"]
        constraints = [
            # One rating at allocation and one at closure per allocation; reviews may be many.
            models.UniqueConstraint(
                fields=["allocation", "point"], condition=~models.Q(point="review"), name="one_outcome_rating_per_end"
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{field}__isnull": True}) | models.Q(**{f"{field}__range": (1, 5)}),
                    name=f"outcome_{field}_1_to_5",
                )
                for field in OUTCOME_FIELDS
            ),
        ]

    def __str__(self) -> str:
        return f"Outcomes {self.get_point_display().lower()} on {self.rated_on}"

    @property
    def scores(self) -> list[tuple[str, int | None]]:
        return [(label, getattr(self, field)) for field, label in OUTCOME_FIELDS.items()]


class HopeScore(AreaOwned):
    """The family's answer to "how hopeful are you that this will make a difference?" (0–10)."""

    append_only = True

    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="hope_scores")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recorded_on = models.DateField(default=timezone.localdate)
    score = models.PositiveSmallIntegerField("Hope score (0 to 10)")
    given_by = models.CharField("Given by (family member)", max_length=200, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-recorded_on", "-recorded_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(score__lte=10), name="hope_score_0_to_10")]

    def __str__(self) -> str:
        return f"Hope {self.score}/10 on {self.recorded_on}"
