"""Referral rules, without the database."""

from datetime import date

import pytest

from referrals import rules
from referrals.models import OutcomeRecipient, ReferralStatus
from referrals.references import new_reference, normalise_reference

DAY = date(2026, 3, 10)


def test_the_decision_is_due_the_areas_target_after_arrival():
    assert rules.decision_due_on(date(2026, 3, 1), target_days=28) == date(2026, 3, 29)


def test_an_undecided_referral_past_its_target_is_overdue():
    assert rules.is_overdue(ReferralStatus.NEW, date(2026, 2, 1), DAY, target_days=28)
    assert not rules.is_overdue(ReferralStatus.NEW, date(2026, 2, 15), DAY, target_days=28)
    assert not rules.is_overdue(ReferralStatus.ACCEPTED, date(2026, 1, 1), DAY, target_days=28)


@pytest.mark.parametrize(
    ("current", "wanted", "allowed"),
    [
        (ReferralStatus.NEW, ReferralStatus.AWAITING_INFORMATION, True),
        (ReferralStatus.NEW, ReferralStatus.UNDER_REVIEW, True),
        (ReferralStatus.UNDER_REVIEW, ReferralStatus.AWAITING_INFORMATION, True),
        (ReferralStatus.AWAITING_INFORMATION, ReferralStatus.UNDER_REVIEW, True),
        (ReferralStatus.UNDER_REVIEW, ReferralStatus.NEW, False),
        (ReferralStatus.ACCEPTED, ReferralStatus.UNDER_REVIEW, False),
        (ReferralStatus.NOT_ACCEPTED, ReferralStatus.AWAITING_INFORMATION, False),
    ],
)
def test_triage_steps(current, wanted, allowed):
    assert (rules.triage_step_problem(current, wanted) is None) is allowed


def test_a_decided_referral_cannot_be_decided_or_forwarded_again():
    assert rules.decision_problem(ReferralStatus.UNDER_REVIEW) is None
    assert "already been decided" in rules.decision_problem(ReferralStatus.NOT_ACCEPTED)
    assert "already been decided" in rules.forward_problem(
        status=ReferralStatus.ACCEPTED, origin_id=1, destination_id=2
    )
    assert "another area" in rules.forward_problem(status=ReferralStatus.NEW, origin_id=1, destination_id=1)


def test_date_of_birth_rules():
    assert rules.date_of_birth_problem(date(2010, 1, 1), DAY, maximum_age=25) is None
    assert "past" in rules.date_of_birth_problem(date(2026, 3, 11), DAY, maximum_age=25)
    assert "25 and under" in rules.date_of_birth_problem(date(2000, 3, 9), DAY, maximum_age=25)
    assert rules.date_of_birth_problem(date(2000, 3, 11), DAY, maximum_age=25) is None  # still 25


@pytest.mark.parametrize(
    ("value", "tidy"), [("rm17 5tt", "RM17 5TT"), ("E151AA", "E15 1AA"), ("  ss1 1aa ", "SS1 1AA")]
)
def test_postcodes_are_tidied(value, tidy):
    assert rules.normalise_postcode(value) == tidy
    assert rules.postcode_problem(value) is None


@pytest.mark.parametrize("value", ["ZZ9", "12345", "RM17 5T"])
def test_bad_postcodes_are_refused(value):
    assert rules.postcode_problem(value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("01375 123 456", True), ("+44 7700 900982", True), ("123", False), ("call me", False), ("0" * 16, False)],
)
def test_phone_numbers(value, ok):
    assert (rules.phone_problem(value) is None) is ok


def test_the_referrer_must_be_reachable():
    assert rules.contact_problem(phone="", email="") is not None
    assert rules.contact_problem(phone="", email="a@example.com") is None


def test_the_outcome_must_be_told_to_the_referrer_and_the_family():
    told = rules.outcome_still_to_tell
    assert told(status=ReferralStatus.NEW, referrer_is_family=False, told=set()) == []
    assert told(status=ReferralStatus.NOT_ACCEPTED, referrer_is_family=False, told=set()) == [
        OutcomeRecipient.REFERRER,
        OutcomeRecipient.FAMILY,
    ]
    assert told(status=ReferralStatus.ACCEPTED, referrer_is_family=False, told={"referrer"}) == [
        OutcomeRecipient.FAMILY
    ]
    assert told(status=ReferralStatus.ACCEPTED, referrer_is_family=False, told={"referrer", "family"}) == []


def test_when_the_family_referred_telling_them_is_enough():
    assert rules.outcome_still_to_tell(status=ReferralStatus.NOT_ACCEPTED, referrer_is_family=True, told=set()) == [
        OutcomeRecipient.REFERRER
    ]
    assert (
        rules.outcome_still_to_tell(status=ReferralStatus.NOT_ACCEPTED, referrer_is_family=True, told={"family"}) == []
    )


def test_the_told_on_date_is_between_the_decision_and_today():
    assert rules.told_on_problem(DAY, decided_on=date(2026, 3, 1), today=DAY) is None
    assert "past" in rules.told_on_problem(date(2026, 3, 11), decided_on=date(2026, 3, 1), today=DAY)
    assert "after the decision" in rules.told_on_problem(date(2026, 2, 28), decided_on=date(2026, 3, 1), today=DAY)


def test_references_are_readable_and_random():
    references = {new_reference() for _ in range(200)}
    assert len(references) == 200
    for reference in references:
        assert normalise_reference(reference) == reference
        assert not set(reference[4:].replace("-", "")) & set("01ILOU")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("ref 7k4m 2q9p", "REF-7K4M-2Q9P"), ("7K4M-2Q9P", "REF-7K4M-2Q9P"), ("REF-7K4M-2Q9", None), ("Smith", None)],
)
def test_references_are_recognised_as_people_type_them(typed, stored):
    assert normalise_reference(typed) == stored
