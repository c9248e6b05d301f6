"""A person known to an area's Dynamic Support Register."""

from datetime import date

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from areas.models import AreaOwned
from audit.history import track_changes
from dsr.models.choices import Diagnosis, Ethnicity
from dsr.nhs_numbers import validate_nhs_number


@track_changes()
class Person(AreaOwned):
    """Held by one area at a time (the area whose register they are on; a transfer moves them
    and every record about them). Records about a person carry a `person` foreign key and the
    same area, so that they move together."""

    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    # NULL, not "", when unknown: the one-record-per-NHS-number constraint must ignore unknowns.
    nhs_number = models.CharField(  # noqa: DJ001
        "NHS number", max_length=10, null=True, blank=True, validators=[validate_nhs_number], help_text="If known."
    )
    ethnicity = models.CharField(max_length=1, choices=Ethnicity.choices, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    diagnosis = models.CharField(max_length=10, choices=Diagnosis.choices)
    learning_disability_diagnosed_on = models.DateField(null=True, blank=True)
    autism_diagnosed_on = models.DateField(null=True, blank=True)
    has_ehc_plan = models.BooleanField("Has an education, health and care (EHC) plan", default=False)
    looked_after = models.BooleanField("Looked after child", default=False)
    adopted = models.BooleanField(default=False)
    residential_care = models.BooleanField("In or at risk of residential care", default=False)
    education_setting = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit: detects overlapping edits.")

    class Meta:
        ordering = ["family_name", "given_name"]
        constraints = [
            # One record per NHS number in the whole system: a second area must ask for a transfer.
            models.UniqueConstraint(fields=["nhs_number"], name="person_nhs_number_unique"),
            models.CheckConstraint(condition=models.Q(nhs_number__regex=r"^\d{10}$"), name="person_nhs_number_digits"),
        ]
        indexes = [
            GinIndex(OpClass(Lower("family_name"), name="gin_trgm_ops"), name="person_family_name_trgm"),
            GinIndex(OpClass(Lower("given_name"), name="gin_trgm_ops"), name="person_given_name_trgm"),
            models.Index(fields=["area", "date_of_birth"]),
            # The register list's default order: a page is read off this index, not sorted.
            models.Index(Lower("family_name"), Lower("given_name"), name="person_name_order"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def age_on(self, day: date) -> int:
        had_birthday = (day.month, day.day) >= (self.date_of_birth.month, self.date_of_birth.day)
        return day.year - self.date_of_birth.year - (0 if had_birthday else 1)
