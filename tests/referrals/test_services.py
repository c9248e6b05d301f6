"""Referral services against the real database, under row-level security."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.utils import ProgrammingError
from django.utils import timezone

from areas.rls import area_scope
from dsr.models import ConsentRecord, Person, RegisterEntry
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus
from dsr.services.transfers import transfer_accept, transfer_request
from referrals.models import (
    DeclineReason,
    OutcomeCommunication,
    Referral,
    ReferralForward,
    ReferralStatus,
    Step,
    TriageStep,
)
from referrals.services.outcomes import outcome_record
from referrals.services.triage import referral_accept, referral_decline, referral_forward, referral_set_status
from tests.factories import UserFactory, area, person
from tests.referrals.factories import DETAILS, referral

TODAY = timezone.localdate()


@pytest.fixture
def holder():
    return UserFactory(username="holder")


def _details(**changes):
    return {
        "given_name": "Robin",
        "family_name": "Examplechild",
        "preferred_name": "",
        "date_of_birth": date(2011, 4, 3),
        "nhs_number": "",
        "address": "",
        "postcode": "",
        "diagnosis": "autism",
        "has_ehc_plan": True,
        "education_setting": "",
    } | changes


def _accept(received, holder, **overrides):
    arguments = {
        "referral": received,
        "decided_by": holder,
        "person_details": _details(),
        "consent_basis": ConsentBasis.PARENTAL,
        "consent_given_by": "Sam Exampleparent",
        "consent_recorded_on": TODAY,
    }
    return referral_accept(**(arguments | overrides))


def test_a_referral_is_written_into_its_area_with_no_scope_of_its_own():
    with area_scope([]):  # as the public form runs: no user, no areas
        received = referral("thurrock")
        assert not Referral.objects.exists()  # written, and invisible to the request itself
    assert Referral.objects.get().area == area("thurrock")
    assert received.reference.startswith("REF-")


def test_an_invalid_referral_writes_nothing():
    with pytest.raises(ValidationError) as raised:
        referral("thurrock", nhs_number="9434765918", postcode="ZZ9", referrer_phone="", consent_to_be_considered=False)
    assert {"nhs_number", "postcode", "referrer_email", "consent_to_be_considered"} <= set(raised.value.message_dict)
    assert not Referral.objects.exists()
    assert not TriageStep.objects.exists()


def test_the_areas_maximum_age_is_applied():
    with pytest.raises(ValidationError, match="25 and under"):
        referral("thurrock", date_of_birth=TODAY.replace(year=TODAY.year - 30))


def test_the_database_refuses_a_referral_without_consent_or_a_way_to_reply():
    from django.db import IntegrityError

    received = referral("thurrock")
    for change in ({"consent_to_be_considered": False}, {"referrer_phone": "", "referrer_email": ""}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Referral.objects.filter(pk=received.pk).update(**change)


def test_asking_for_information_needs_a_note_and_is_kept_in_the_trail(holder):
    received = referral()
    with pytest.raises(ValidationError, match="what information"):
        referral_set_status(referral=received, status=ReferralStatus.AWAITING_INFORMATION, changed_by=holder)
    referral_set_status(
        referral=received, status=ReferralStatus.AWAITING_INFORMATION, changed_by=holder, note="Diagnosis letter"
    )
    received.refresh_from_db()
    assert received.status == ReferralStatus.AWAITING_INFORMATION
    assert list(received.steps.values_list("step", "note")) == [
        (Step.RECEIVED, "Online form (no account)"),
        (Step.AWAITING_INFORMATION, "Diagnosis letter"),
    ]


def test_accepting_adds_the_person_opens_their_entry_and_records_consent(holder):
    received = _accept(referral(), holder)
    entry = RegisterEntry.objects.get()
    assert (received.status, received.person, received.entry) == (ReferralStatus.ACCEPTED, entry.person, entry)
    assert entry.status == EntryStatus.ACCEPTED
    assert entry.current_issues == DETAILS["concerns"]
    consent = ConsentRecord.objects.get()
    assert (consent.entry, consent.basis, consent.recorded_by) == (entry, ConsentBasis.PARENTAL, holder)


def test_accepting_labels_the_whole_trail_with_the_person(holder):
    received = referral()
    referral_set_status(referral=received, status=ReferralStatus.UNDER_REVIEW, changed_by=holder)
    accepted = _accept(received, holder)
    assert set(TriageStep.objects.values_list("person_id", flat=True)) == {accepted.person_id}
    events = Referral.pgh_event_model.objects.filter(pgh_obj_id=received.pk)
    assert set(events.values_list("person_id", flat=True)) == {accepted.person_id}


def test_accepting_can_link_someone_already_known_instead_of_adding_them_again(holder):
    known = person("thurrock", given_name="Robin", family_name="Examplechild", date_of_birth=date(2011, 4, 3))
    received = _accept(referral(), holder, person=known)
    assert received.person == known
    assert Person.objects.count() == 1


def test_accepting_someone_already_on_the_register_keeps_their_entry(holder):
    from dsr.services.entries import entry_open

    known = person("thurrock")
    entry = entry_open(person=known, status=EntryStatus.ACTIVE)
    received = _accept(referral(), holder, person=known)
    assert received.entry == entry
    assert RegisterEntry.objects.count() == 1
    assert ConsentRecord.objects.get().entry == entry


def test_a_person_of_another_area_cannot_be_linked(holder):
    elsewhere = person("newham")
    with pytest.raises(ValidationError, match="held by this area"):
        _accept(referral("thurrock"), holder, person=elsewhere)
    assert Referral.objects.get().status == ReferralStatus.NEW


def test_an_nhs_number_held_elsewhere_is_refused_and_nothing_is_half_done(holder):
    person("newham", nhs_number="9434765919")
    received = referral("thurrock", nhs_number="9434765919")
    with pytest.raises(ValidationError, match="already held by Newham"):
        _accept(received, holder, person_details=_details(nhs_number="9434765919"))
    assert Referral.objects.get().status == ReferralStatus.NEW
    assert not RegisterEntry.objects.exists()


def test_a_consent_basis_that_does_not_fit_the_age_is_refused(holder):
    with pytest.raises(ValidationError) as raised:
        _accept(referral(), holder, consent_basis=ConsentBasis.CAPACITOUS)
    assert "basis" in raised.value.message_dict
    assert not Person.objects.exists()


def test_declining_needs_a_reason_and_an_explanation(holder):
    received = referral()
    with pytest.raises(ValidationError) as raised:
        referral_decline(referral=received, decided_by=holder, reason="", note=" ")
    assert set(raised.value.message_dict) == {"decline_reason", "decision_note"}
    referral_decline(referral=received, decided_by=holder, reason=DeclineReason.RISK, note="Managed by CAMHS")
    received.refresh_from_db()
    assert (received.status, received.decided_by) == (ReferralStatus.NOT_ACCEPTED, holder)


def test_a_decided_referral_cannot_be_decided_again(holder):
    received = referral()
    referral_decline(referral=received, decided_by=holder, reason=DeclineReason.RISK, note="x")
    with pytest.raises(ValidationError, match="already been decided"):
        _accept(received, holder)
    with pytest.raises(ValidationError, match="already been decided"):
        referral_forward(referral=received, destination=area("newham"), reason="Moved", forwarded_by=holder)


def test_forwarding_moves_the_referral_and_its_trail_and_leaves_a_note(holder):
    received = referral("thurrock")
    referral_set_status(referral=received, status=ReferralStatus.UNDER_REVIEW, changed_by=holder)
    forward = referral_forward(
        referral=received, destination=area("newham"), reason="Lives in Newham", forwarded_by=holder
    )
    received.refresh_from_db()
    assert (received.area, received.forwarded_from, received.status) == (
        area("newham"),
        area("thurrock"),
        ReferralStatus.NEW,
    )
    assert set(TriageStep.objects.values_list("area_id", flat=True)) == {area("newham").id}
    events = Referral.pgh_event_model.objects.filter(pgh_obj_id=received.pk)
    assert set(events.values_list("area_id", flat=True)) == {area("newham").id}
    assert (forward.area, forward.destination, forward.reference) == (
        area("thurrock"),
        area("newham"),
        received.reference,
    )


def test_after_forwarding_the_origin_sees_only_the_note(holder):
    received = referral("thurrock")
    referral_forward(referral=received, destination=area("newham"), reason="Lives in Newham", forwarded_by=holder)
    with area_scope([area("thurrock").id]):
        assert not Referral.objects.exists()
        assert not TriageStep.objects.exists()
        assert not Referral.pgh_event_model.objects.exists()
        assert ReferralForward.objects.get().reference == received.reference
    with area_scope([area("newham").id]):
        assert Referral.objects.get().reference == received.reference
        assert ReferralForward.objects.count() == 1


def test_forwarding_needs_a_reason_and_another_area(holder):
    received = referral("thurrock")
    with pytest.raises(ValidationError, match="already here"):
        referral_forward(referral=received, destination=area("thurrock"), reason="x", forwarded_by=holder)
    with pytest.raises(ValidationError, match="Say why"):
        referral_forward(referral=received, destination=area("newham"), reason=" ", forwarded_by=holder)


def test_the_outcome_is_recorded_as_told_even_when_declined(holder):
    received = referral()
    with pytest.raises(ValidationError, match="once the referral has been decided"):
        outcome_record(referral=received, recipient="referrer", method="phone", told_on=TODAY, recorded_by=holder)
    referral_decline(referral=received, decided_by=holder, reason=DeclineReason.CRITERIA, note="No diagnosis")
    received.refresh_from_db()
    told = outcome_record(referral=received, recipient="family", method="letter", told_on=TODAY, recorded_by=holder)
    assert (told.area, told.method, told.told_on) == (received.area, "letter", TODAY)
    with pytest.raises(ValidationError, match="today or in the past"):
        outcome_record(
            referral=received,
            recipient="family",
            method="letter",
            told_on=TODAY + timedelta(days=1),
            recorded_by=holder,
        )


def test_outcome_records_and_triage_steps_cannot_be_edited(holder):
    received = referral()
    step = received.steps.get()
    with pytest.raises(ProgrammingError, match="permission denied"), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE referrals_triagestep SET note = 'changed' WHERE id = %s", [step.id])


def test_a_transfer_of_the_person_moves_their_accepted_referral_and_its_trail(holder):
    accepted = _accept(referral("thurrock"), holder)
    received = Referral.objects.get(pk=accepted.pk)
    outcome_record(referral=received, recipient="referrer", method="email", told_on=TODAY, recorded_by=holder)
    transfer = transfer_request(person=received.person, destination=area("newham"), reason="Moved", requested_by=holder)
    transfer_accept(transfer=transfer, decided_by=holder)
    for model in (Referral, TriageStep, OutcomeCommunication):
        assert set(model.objects.values_list("area_id", flat=True)) == {area("newham").id}, model


def test_a_clash_of_references_is_retried_so_the_referral_is_not_lost(monkeypatch):
    first = referral()
    fresh = iter([first.reference, first.reference, "REF-2345-6789"])
    monkeypatch.setattr("referrals.services.intake.new_reference", lambda: next(fresh))
    second = referral(given_name="Second")
    assert second.reference == "REF-2345-6789"
    assert Referral.objects.count() == 2
    assert TriageStep.objects.filter(referral=second).count() == 1
