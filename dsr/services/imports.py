"""Committing a checked register spreadsheet: all rows or none, in one transaction.

Bulk inserts keep a 5,000-row file well under a minute; the change-history triggers still fire
for every row (they are row-level database triggers), and each event carries the import's
reference in its context, as does the RegisterImport record kept for the area."""

import uuid
from datetime import timedelta

import pghistory
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from areas.models import Area
from areas.selectors import settings_for
from dsr import rules
from dsr.imports import ImportCheck
from dsr.models import ConsentRecord, Contact, Person, RatingChange, RegisterEntry, RegisterImport, RegisterSettings

_PERSON_KEYS = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "nhs_number",
    "postcode",
    "address",
    "diagnosis",
    "has_ehc_plan",
    "looked_after",
    "education_setting",
)


@transaction.atomic
def register_import_commit(*, area: Area, check: ImportCheck, file_name: str, imported_by) -> RegisterImport:
    if not check.can_commit:
        raise ValidationError("The file has errors. Correct them and check it again; nothing was imported.")
    reference = uuid.uuid4()
    with pghistory.context(register_import=str(reference), import_file=file_name[:255]):
        try:
            with transaction.atomic():
                people = _create(area, check, imported_by)
        except IntegrityError as error:
            if "person_nhs_number_unique" in str(error):
                raise ValidationError(
                    "Someone with one of these NHS numbers was added meanwhile. Check the file again."
                ) from None
            raise
        return RegisterImport.objects.create(
            area=area,
            reference=reference,
            file_name=file_name[:255],
            row_count=len(people),
            person_ids=[person.id for person in people],
            imported_by=imported_by,
        )


def _create(area: Area, check: ImportCheck, imported_by) -> list[Person]:
    settings = settings_for(RegisterSettings, area.id)
    rows = [row.values for row in check.rows]
    people = Person.objects.bulk_create(
        [Person(area_id=area.id, **{key: values[key] for key in _PERSON_KEYS}) for values in rows]
    )
    entries = RegisterEntry.objects.bulk_create(
        [_entry(area, person, values, settings) for person, values in zip(people, rows, strict=True)]
    )
    RatingChange.objects.bulk_create(
        RatingChange(
            area_id=area.id,
            entry=entry,
            person=entry.person,
            rating=values["rating"],
            reason=values["rating_reason"],
            decided_on=values["rating_date"],
            decided_by=imported_by,
        )
        for entry, values in zip(entries, rows, strict=True)
        if values["rating"]
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            area_id=area.id,
            entry=entry,
            person=entry.person,
            kind=ConsentRecord.Kind.GIVEN,
            basis=values["consent_basis"],
            given_by=values["consent_given_by"],
            recorded_on=values["consent_date"],
            review_due=values["consent_date"] + timedelta(days=settings.consent_recheck_days),
            notes="From the imported register",
            recorded_by=imported_by,
        )
        for entry, values in zip(entries, rows, strict=True)
        if values["consent_basis"]
    )
    Contact.objects.bulk_create(
        Contact(
            area_id=area.id,
            person=person,
            kind=Contact.Kind.PROFESSIONAL,
            name=values["keyworker"],
            relationship="Keyworker",
            notes="From the imported register",
        )
        for person, values in zip(people, rows, strict=True)
        if values["keyworker"]
    )
    return people


def _entry(area: Area, person: Person, values: dict, settings) -> RegisterEntry:
    entry = RegisterEntry(
        area_id=area.id,
        person=person,
        register=rules.register_for(values["date_of_birth"], values["added_on"], adult_age=settings.adult_register_age),
        status=values["status"],
        added_on=values["added_on"],
        current_issues=values["current_issues"],
    )
    if values["rating"]:
        # What rating_record would set: the rating decision counts as the last review.
        entry.last_reviewed_on = values["rating_date"]
        entry.next_review_due = rules.next_review_due(
            values["rating"], values["rating_date"], review_days=settings.review_days(values["rating"])
        )
    return entry
