"""Receiving a referral: from the public form, a professional in the service, or the API."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from areas.models import Area
from areas.rls import area_scope
from areas.selectors import settings_for
from dsr.nhs_numbers import normalise_nhs_number
from referrals import rules
from referrals.models import Referral, ReferralSettings, Source, Step, TriageStep
from referrals.references import new_reference

# What a referrer may tell us: everything else on a referral is the area's to set.
INTAKE_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "preferred_name",
        "date_of_birth",
        "nhs_number",
        "address",
        "postcode",
        "diagnosis",
        "has_ehc_plan",
        "education_setting",
        "concerns",
        "support_in_place",
        "communication_needs",
        "consent_to_be_considered",
        "consent_given_by",
        "referrer_relationship",
        "referrer_name",
        "referrer_organisation",
        "referrer_role",
        "referrer_phone",
        "referrer_email",
        "family_contact_name",
        "family_contact_phone",
    }
)
_REFERENCE_ATTEMPTS = 5


def _tidy(details: dict) -> dict:
    tidy = {key: value.strip() if isinstance(value, str) else value for key, value in details.items()}
    tidy["nhs_number"] = normalise_nhs_number(tidy.get("nhs_number") or "") or None
    tidy["postcode"] = rules.normalise_postcode(tidy.get("postcode") or "")
    return tidy


def _problems(referral: Referral, *, maximum_age: int) -> dict[str, list[str]]:
    """Everything wrong with the referral at once, so the referrer can fix it in one go."""
    errors: dict[str, list[str]] = {}
    try:
        referral.full_clean(exclude=["area", "reference"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    checks = {
        "postcode": rules.postcode_problem(referral.postcode),
        "referrer_phone": rules.phone_problem(referral.referrer_phone),
        "family_contact_phone": rules.phone_problem(referral.family_contact_phone),
        "referrer_email": rules.contact_problem(phone=referral.referrer_phone, email=referral.referrer_email),
    }
    if referral.date_of_birth and "date_of_birth" not in errors:
        checks["date_of_birth"] = rules.date_of_birth_problem(
            referral.date_of_birth, timezone.localdate(), maximum_age=maximum_age
        )
    if not referral.consent_to_be_considered:
        checks["consent_to_be_considered"] = "Confirm that the young person, or someone who can decide for them, agrees"
    for field, problem in checks.items():
        if problem and field not in errors:
            errors[field] = [problem]
    return errors


def _create_with_unique_reference(referral: Referral) -> Referral:
    for attempt in range(_REFERENCE_ATTEMPTS):
        referral.reference = new_reference()
        try:
            with transaction.atomic():  # a savepoint: a clash of references is retried, not lost
                referral.save(force_insert=True)
            return referral
        except IntegrityError as error:
            if "reference" not in str(error) or attempt == _REFERENCE_ATTEMPTS - 1:
                raise
            referral.pk = None
    raise AssertionError("unreachable")


def referral_submit(*, area: Area, source: str, referred_by=None, **details) -> Referral:
    """Receive a referral into `area`: validated in full first (nothing is written if anything
    is wrong), then the referral and its first triage step in one transaction.

    The write is scoped to exactly `area` with `area_scope([area.id])`: the referrer may hold
    no role there (a family on the public form holds none at all, and a professional refers to
    the area where the young person lives), so their own request scope would refuse the row.
    Never `system_scope()`: this write needs one area, and an unauthenticated request must not
    run with every area in view. The caller gets the referral back but, outside that scope,
    may not be able to read it again; it shows the referrer the reference only."""
    unknown = set(details) - INTAKE_FIELDS
    if unknown:
        raise ValueError(f"Not referral details: {sorted(unknown)}")
    if source not in Source.values:
        raise ValueError(f"Unknown source {source!r}")
    with area_scope([area.id]):
        settings = settings_for(ReferralSettings, area.id)
        referral = Referral(area=area, source=source, referred_by=referred_by, **_tidy(details))
        errors = _problems(referral, maximum_age=settings.maximum_age)
        if errors:
            raise ValidationError(errors)
        _create_with_unique_reference(referral)
        TriageStep.objects.create(
            area=area, referral=referral, step=Step.RECEIVED, by=referred_by, note=Source(source).label
        )
    return referral
