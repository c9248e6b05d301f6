"""Recording consent (or a best-interests decision) and its withdrawal."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from areas.selectors import settings_for
from dsr import rules
from dsr.models import ConsentRecord, RegisterEntry, RegisterSettings


@transaction.atomic
def consent_record(
    *, entry: RegisterEntry, basis: str, given_by: str, relationship: str = "", recorded_on: date, recorded_by, notes=""
) -> ConsentRecord:
    problem = rules.consent_basis_problem(basis, entry.person.date_of_birth, recorded_on)
    if problem:
        raise ValidationError({"basis": problem})
    recheck = settings_for(RegisterSettings, entry.area_id).consent_recheck_days
    return ConsentRecord.objects.create(
        area_id=entry.area_id,
        entry=entry,
        person_id=entry.person_id,
        kind=ConsentRecord.Kind.GIVEN,
        basis=basis,
        given_by=given_by,
        relationship=relationship,
        recorded_on=recorded_on,
        review_due=recorded_on + timedelta(days=recheck),
        notes=notes,
        recorded_by=recorded_by,
    )


@transaction.atomic
def consent_withdraw(
    *, entry: RegisterEntry, withdrawn_by: str, relationship: str = "", recorded_on: date, recorded_by, notes=""
) -> ConsentRecord:
    """Record a withdrawal and flag the entry for removal (the DSR holder then removes it)."""
    record = ConsentRecord.objects.create(
        area_id=entry.area_id,
        entry=entry,
        person_id=entry.person_id,
        kind=ConsentRecord.Kind.WITHDRAWN,
        given_by=withdrawn_by,
        relationship=relationship,
        recorded_on=recorded_on,
        notes=notes,
        recorded_by=recorded_by,
    )
    entry.flagged_for_removal = True
    entry.save(update_fields=["flagged_for_removal", "updated_at"])
    return record
