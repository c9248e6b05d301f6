"""Eligibility policy for keyworking: per area (its keyworking service), with effective dates.

A policy applies from `effective_from` until the next policy of the area begins. The person's
area is where they live, so "lives in the area" is part of every policy by construction.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models import Diagnosis, Rating


class Cohort(models.TextChoices):
    """Groups a policy may take in whatever their rating (the cohorts keyworking extends to)."""

    RESIDENTIAL_CARE = "residential_care", "In or at risk of residential care"
    LOOKED_AFTER = "looked_after", "Looked after"
    ADOPTED = "adopted", "Adopted"


@track_changes()
class EligibilityPolicy(AreaOwned):
    service = models.CharField("Keyworking service", max_length=200)
    effective_from = models.DateField()
    diagnoses = ArrayField(models.CharField(max_length=10, choices=Diagnosis.choices))
    ratings = ArrayField(models.CharField(max_length=5, choices=Rating.choices))
    min_age = models.PositiveSmallIntegerField("Youngest age", default=0)
    max_age = models.PositiveSmallIntegerField("Oldest age (inclusive)", default=17)
    cohorts = ArrayField(models.CharField(max_length=20, choices=Cohort.choices), default=list, blank=True)
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name_plural = "eligibility policies"
        ordering = ["area", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["area", "effective_from"], name="one_policy_per_area_and_start"),
            models.CheckConstraint(condition=models.Q(max_age__gte=models.F("min_age")), name="policy_age_range"),
        ]

    def __str__(self) -> str:
        return f"{self.service} from {self.effective_from}"
