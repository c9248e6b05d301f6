"""Triage: asking for information, reviewing, accepting onto the register, declining, and
forwarding to another area."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from areas.models import Area
from areas.rls import system_scope
from dsr.models import Person
from dsr.models.entry import EntryStatus
from dsr.selectors import open_entry
from dsr.services.consents import consent_record
from dsr.services.entries import entry_open
from dsr.services.people import person_create
from referrals import rules
from referrals.models import DeclineReason, Referral, ReferralForward, ReferralStatus, Step, TriageStep

# What a DSR holder confirms about the young person when accepting (Person's fields).
PERSON_FIELDS = (
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
)


def _locked(referral: Referral) -> Referral:
    """The referral as it is now, locked until the transaction ends: two people deciding at
    once are handled one after the other, and the second sees the first's decision."""
    return Referral.objects.select_for_update().get(pk=referral.pk)


def _trail_follows(referral: Referral) -> None:
    """Make the referral's append-only trail (its history, triage steps and outcome records)
    carry the referral's area and person again. The application may not update append-only
    rows, so a database function owned by the table owner does exactly this (see migration
    0002): after a forward, the trail goes with the referral; after acceptance, it is labelled
    with the person, so that a transfer moves it and a subject access request finds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT keyworking_referral_trail_follows(%s)", [referral.pk])


def _step(referral: Referral, step: str, *, by, note: str = "") -> TriageStep:
    return TriageStep.objects.create(
        area_id=referral.area_id, referral=referral, person_id=referral.person_id, step=step, note=note, by=by
    )


@transaction.atomic
def referral_set_status(*, referral: Referral, status: str, changed_by, note: str = "") -> Referral:
    """Move an undecided referral to awaiting information or under review."""
    referral = _locked(referral)
    problem = rules.triage_step_problem(referral.status, status)
    if problem:
        raise ValidationError({"status": problem})
    if status == ReferralStatus.AWAITING_INFORMATION and not note.strip():
        raise ValidationError({"note": "Say what information you are waiting for, and from whom"})
    referral.status = status
    referral.status_changed_at = timezone.now()
    referral.save(update_fields=["status", "status_changed_at"])
    _step(referral, Step(status), by=changed_by, note=note.strip())
    return referral


def _person_for(referral: Referral, *, person: Person | None, person_details: dict) -> Person:
    if person is None:
        return person_create(area_id=referral.area_id, **{key: person_details[key] for key in PERSON_FIELDS})
    if person.area_id != referral.area_id:
        raise ValidationError({"person": "Choose someone held by this area"})
    return person


@transaction.atomic
def referral_accept(
    *,
    referral: Referral,
    decided_by,
    person: Person | None = None,
    person_details: dict | None = None,
    consent_basis: str,
    consent_given_by: str,
    consent_relationship: str = "",
    consent_recorded_on: date,
    note: str = "",
) -> Referral:
    """Accept onto the register: add the young person (or link someone already known here),
    open their register entry with the referral's concerns, and record their consent.

    Someone already on the register keeps their entry: the referral and the new consent are
    linked to it."""
    referral = _locked(referral)
    problem = rules.decision_problem(referral.status)
    if problem:
        raise ValidationError(problem)
    accepted = _person_for(referral, person=person, person_details=person_details or {})
    entry = open_entry(accepted) or entry_open(
        person=accepted,
        status=EntryStatus.ACCEPTED,
        current_issues=referral.concerns,
        tried=referral.support_in_place,
    )
    consent_record(
        entry=entry,
        basis=consent_basis,
        given_by=consent_given_by,
        relationship=consent_relationship,
        recorded_on=consent_recorded_on,
        recorded_by=decided_by,
        notes=f"Recorded on accepting referral {referral.reference}",
    )
    now = timezone.now()
    referral.status, referral.status_changed_at = ReferralStatus.ACCEPTED, now
    referral.person, referral.entry = accepted, entry
    referral.decided_by, referral.decided_at, referral.decision_note = decided_by, now, note.strip()
    referral.save(
        update_fields=["status", "status_changed_at", "person", "entry", "decided_by", "decided_at", "decision_note"]
    )
    _step(referral, Step.ACCEPTED, by=decided_by, note=note.strip())
    _trail_follows(referral)
    return referral


@transaction.atomic
def referral_decline(*, referral: Referral, decided_by, reason: str, note: str) -> Referral:
    """Decline, with the reason the family and referrer will be told."""
    referral = _locked(referral)
    problem = rules.decision_problem(referral.status)
    if problem:
        raise ValidationError(problem)
    errors = {}
    if reason not in DeclineReason.values:
        errors["decline_reason"] = "Choose why the referral is not accepted"
    if not note.strip():
        errors["decision_note"] = "Explain the decision in words you can share with the family and referrer"
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    referral.status, referral.status_changed_at = ReferralStatus.NOT_ACCEPTED, now
    referral.decline_reason, referral.decision_note = reason, note.strip()
    referral.decided_by, referral.decided_at = decided_by, now
    referral.save(
        update_fields=["status", "status_changed_at", "decline_reason", "decision_note", "decided_by", "decided_at"]
    )
    _step(referral, Step.NOT_ACCEPTED, by=decided_by, note=f"{referral.get_decline_reason_display()}: {note.strip()}")
    return referral


@transaction.atomic
def referral_forward(*, referral: Referral, destination: Area, reason: str, forwarded_by) -> ReferralForward:
    """Pass an undecided referral to another area's queue (the young person lives there). The
    receiving area sees it as new; this area keeps only a note of where it went."""
    referral = _locked(referral)
    problem = rules.forward_problem(status=referral.status, origin_id=referral.area_id, destination_id=destination.id)
    if problem:
        raise ValidationError({"destination": problem})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the referral is going to another area"})
    origin = referral.area
    forward = ReferralForward.objects.create(
        area=origin,
        referral=referral,
        reference=referral.reference,
        destination=destination,
        reason=reason.strip(),
        forwarded_by=forwarded_by,
    )
    _step(referral, Step.FORWARDED, by=forwarded_by, note=f"From {origin.name} to {destination.name}: {reason.strip()}")
    now = timezone.now()
    # Deliberately in system scope: the referral's area changes to one outside the user's
    # areas, which row-level security's WITH CHECK refuses in the request's own scope. Only
    # this one row is updated, by primary key; nothing is read here.
    with system_scope():
        Referral.objects.filter(pk=referral.pk).update(
            area=destination,
            forwarded_from=origin,
            status=ReferralStatus.NEW,
            status_changed_at=now,
            arrived_at=now,
        )
    _trail_follows(referral)
    return forward
