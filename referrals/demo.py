"""Demo referrals: in every area a few synthetic referrals at each stage of triage, from the
public form and from professionals, with the area's canary string in the concerns. Safe to run
twice (an area that already has its demo referrals is left alone)."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from areas.models import Area
from dsr.models import Person
from dsr.models.consent import ConsentBasis
from dsr.nhs_numbers import synthetic_nhs_number
from referrals.models import (
    DeclineReason,
    Diagnosis,
    EhcPlan,
    OutcomeMethod,
    OutcomeRecipient,
    Referral,
    ReferralForward,
    ReferralStatus,
    ReferrerRelationship,
    Source,
)
from referrals.services.intake import referral_submit
from referrals.services.outcomes import outcome_record
from referrals.services.triage import referral_accept, referral_decline, referral_forward, referral_set_status

DEMO_EMAIL_DOMAIN = "referrals.example.org"
# Synthetic NHS numbers from a serial range the register's demo does not use.
NHS_SERIAL_BASE = 700_000


def _details(area: Area, index: int, *, given: str, concerns: str, **changes) -> dict:
    today = timezone.localdate()
    return {
        "given_name": given,
        "family_name": "Demoreferral",
        "date_of_birth": date(today.year - 9 - index, 1 + index % 12, 10 + index),
        "nhs_number": synthetic_nhs_number(NHS_SERIAL_BASE + area.id * 10 + index),
        "postcode": "",
        "diagnosis": [Diagnosis.AUTISM, Diagnosis.BOTH, Diagnosis.LEARNING_DISABILITY, Diagnosis.NOT_SURE][index % 4],
        "has_ehc_plan": EhcPlan.YES if index % 2 else EhcPlan.NOT_SURE,
        "concerns": f"{concerns} (demo: canary-{area.slug})",
        "support_in_place": "School nurse; short breaks once a month.",
        "consent_to_be_considered": True,
        "consent_given_by": "Their parent",
        "referrer_relationship": ReferrerRelationship.PARENT_CARER,
        "referrer_name": "Demo Parent",
        "referrer_email": f"parent.{area.slug}.{index}@{DEMO_EMAIL_DOMAIN}",
    } | changes


def _age(referral: Referral, days: int) -> None:
    """Back-date arrival so the queue shows a spread of ages (one past the target)."""
    when = timezone.now() - timedelta(days=days)
    Referral.objects.filter(pk=referral.pk).update(received_at=when, arrived_at=when, status_changed_at=when)


def _load_area(area: Area, holder, professional) -> None:
    new = referral_submit(
        area=area,
        source=Source.PUBLIC,
        **_details(area, 0, given="Ash", concerns="Not sleeping, hurting themself at night, school refusing"),
    )
    _age(new, 3)
    waiting = referral_submit(
        area=area,
        source=Source.IN_APP,
        referred_by=professional,
        **_details(
            area,
            1,
            given="Billie",
            concerns="Two A&E attendances this month; placement at risk",
            referrer_relationship=ReferrerRelationship.PROFESSIONAL,
            referrer_name=professional.display_name,
            referrer_organisation="Demo Community CAMHS",
            referrer_email=professional.email,
        ),
    )
    referral_set_status(
        referral=waiting, status=ReferralStatus.AWAITING_INFORMATION, changed_by=holder, note="Diagnosis letter from GP"
    )
    _age(waiting, 35)  # past the four-week target
    # About someone the register already knows, if the area has anyone: the duplicate check shows them.
    youngest_adult = timezone.localdate().replace(year=timezone.localdate().year - 25)
    known = Person.objects.filter(area=area, date_of_birth__gt=youngest_adult).order_by("id").first()
    same_person = (
        {
            "given_name": known.given_name,
            "family_name": known.family_name,
            "date_of_birth": known.date_of_birth,
            "nhs_number": known.nhs_number or "",
        }
        if known
        else {}
    )
    reviewing = referral_submit(
        area=area,
        source=Source.PUBLIC,
        **_details(area, 2, given="Charlie", concerns="Family in crisis after a move", **same_person),
    )
    referral_set_status(referral=reviewing, status=ReferralStatus.UNDER_REVIEW, changed_by=holder)
    declined = referral_submit(
        area=area, source=Source.PUBLIC, **_details(area, 3, given="Dani", concerns="Worried about exams")
    )
    referral_decline(
        referral=declined,
        decided_by=holder,
        reason=DeclineReason.RISK,
        note="No current risk of admission: the school's mental health team can help. We have sent their details.",
    )
    declined.refresh_from_db()
    outcome_record(
        referral=declined,
        recipient=OutcomeRecipient.REFERRER,
        method=OutcomeMethod.LETTER,
        told_on=timezone.localdate(),
        recorded_by=holder,
    )
    accepted = referral_submit(
        area=area,
        source=Source.PUBLIC,
        **_details(area, 4, given="Eli", concerns="Admission to a mental health hospital discussed at A&E"),
    )
    person_details = {
        field: getattr(accepted, field)
        for field in (
            "given_name",
            "family_name",
            "preferred_name",
            "date_of_birth",
            "nhs_number",
            "address",
            "postcode",
            "education_setting",
        )
    } | {"diagnosis": Diagnosis.AUTISM, "has_ehc_plan": True}
    referral_accept(
        referral=accepted,
        decided_by=holder,
        person_details=person_details,
        consent_basis=ConsentBasis.PARENTAL,
        consent_given_by="Demo Parent",
        consent_relationship="Parent",
        consent_recorded_on=timezone.localdate(),
    )


def _forward_one(origin: Area, destination: Area, holder) -> None:
    """A referral sent to the wrong area, passed on: about a young person living in
    `destination`, so it carries the destination's canary, never the origin's."""
    misdirected = referral_submit(
        area=origin,
        source=Source.PUBLIC,
        **_details(destination, 5, given="Frankie", concerns="Crisis team involved twice this month"),
    )
    referral_forward(
        referral=misdirected,
        destination=destination,
        reason=f"The family lives in {destination.name}",
        forwarded_by=holder,
    )


def load() -> None:
    users = get_user_model().objects
    areas = list(Area.objects.order_by("id"))
    for area in areas:
        own = Referral.objects.filter(area=area, forwarded_from__isnull=True)
        if own.filter(referrer_email__endswith=f"@{DEMO_EMAIL_DOMAIN}").exists():
            continue
        holder = users.get(username=f"dsr_holder.{area.slug}")
        professional = users.get(username=f"keyworker.{area.slug}")
        _load_area(area, holder, professional)
    for origin, destination in zip(areas, areas[1:] + areas[:1], strict=True):
        if not ReferralForward.objects.filter(area=origin).exists():
            _forward_one(origin, destination, users.get(username=f"dsr_holder.{origin.slug}"))
