"""Consent to be on the register, kept as its own history (given, re-checked, withdrawn)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from dsr.models.entry import RegisterEntry
from dsr.models.person import Person


class ConsentBasis(models.TextChoices):
    CAPACITOUS = "capacitous", "Consent from the person (16 or over, with capacity)"
    GILLICK = "gillick", "Consent from the person (under 16, Gillick competent)"
    PARENTAL = "parental", "Consent from someone with parental responsibility"
    BEST_INTERESTS = "best_interests", "Best-interests decision (Mental Capacity Act, 16 or over)"


class ConsentRecord(AreaOwned):
    """One event in an entry's consent history. Append-only. The current state is the newest
    record: consent stands until its review date passes or a withdrawal is recorded."""

    append_only = True

    class Kind(models.TextChoices):
        GIVEN = "given", "Consent given or decision made"
        WITHDRAWN = "withdrawn", "Consent withdrawn"

    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, related_name="consents")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    basis = models.CharField(max_length=15, choices=ConsentBasis.choices, blank=True)
    given_by = models.CharField("Given, made or withdrawn by", max_length=200)
    relationship = models.CharField("Their relationship to the person", max_length=100, blank=True)
    recorded_on = models.DateField()
    review_due = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-recorded_on", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["entry", "-recorded_on", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="withdrawn") | (models.Q(basis__gt="") & models.Q(review_due__isnull=False)),
                name="given_consent_has_basis_and_review_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.recorded_on}"
