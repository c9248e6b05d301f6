"""Eligibility policies: a new version applies from its date; earlier ones stay as history."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from areas.models import Area
from keyworking.models import EligibilityPolicy


@transaction.atomic
def policy_add(
    *,
    area: Area,
    service: str,
    effective_from: date,
    diagnoses: list[str],
    ratings: list[str],
    min_age: int,
    max_age: int,
    created_by,
    cohorts: list[str] | None = None,
    description: str = "",
) -> EligibilityPolicy:
    if max_age < min_age:
        raise ValidationError({"max_age": "The oldest age must be at least the youngest"})
    if not diagnoses or not ratings:
        raise ValidationError("Choose at least one diagnosis and one rating")
    try:
        with transaction.atomic():
            return EligibilityPolicy.objects.create(
                area=area,
                service=service,
                effective_from=effective_from,
                diagnoses=diagnoses,
                ratings=ratings,
                min_age=min_age,
                max_age=max_age,
                cohorts=cohorts or [],
                description=description,
                created_by=created_by,
            )
    except IntegrityError:
        raise ValidationError({"effective_from": "A policy already starts on this date"}) from None
