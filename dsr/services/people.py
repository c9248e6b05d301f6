"""Adding and editing people."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dsr.models import Person
from dsr.nhs_numbers import normalise_nhs_number
from dsr.selectors import areas_holding_nhs_number
from dsr.services.concurrency import save_if_unchanged


def _nhs_number_taken_error(nhs_number: str, *, area_id: int) -> ValidationError:
    where = ", ".join(areas_holding_nhs_number(nhs_number, other_than_area_id=area_id)) or "this area"
    return ValidationError(
        {"nhs_number": f"A record with this NHS number is already held by {where}. Request a transfer instead."}
    )


def person_create(*, area_id: int, **details) -> Person:
    """Add a person to the area. The caller shows duplicates first; the database refuses a
    second record for one NHS number whatever the caller did."""
    if details.get("nhs_number"):
        details["nhs_number"] = normalise_nhs_number(details["nhs_number"])
    else:
        details["nhs_number"] = None
    person = Person(area_id=area_id, **details)
    person.full_clean(exclude=["area"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as error:
        if "person_nhs_number_unique" in str(error):
            raise _nhs_number_taken_error(details["nhs_number"], area_id=area_id) from None
        raise
    return person


def person_update(*, person: Person, opened_version: int, **changes) -> Person:
    """Edit a person's details; refused with what changed if someone saved since `opened_version`."""
    if "nhs_number" in changes:
        changes["nhs_number"] = normalise_nhs_number(changes["nhs_number"] or "") or None
    candidate = Person(**{**{f.attname: getattr(person, f.attname) for f in Person._meta.concrete_fields}, **changes})
    candidate.full_clean(exclude=["area"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            return save_if_unchanged(person, opened_version=opened_version, changes=changes)
    except IntegrityError as error:
        if "person_nhs_number_unique" in str(error):
            raise _nhs_number_taken_error(changes["nhs_number"], area_id=person.area_id) from None
        raise


@transaction.atomic
def person_add_to_register(
    *,
    area_id: int,
    details: dict,
    status: str,
    added_by,
    rating: str = "",
    rating_reason: str = "",
    consent: dict | None = None,
):
    """Add a new person and put them on the register, with an optional first rating and
    consent, all or nothing. The caller has shown possible duplicates first."""
    from django.utils import timezone

    from dsr.services.consents import consent_record
    from dsr.services.entries import entry_open
    from dsr.services.ratings import rating_record

    person = person_create(area_id=area_id, **details)
    entry = entry_open(person=person, status=status)
    if rating:
        rating_record(
            entry=entry, rating=rating, reason=rating_reason, decided_on=timezone.localdate(), decided_by=added_by
        )
    if consent:
        consent_record(entry=entry, recorded_by=added_by, **consent)
    return person
