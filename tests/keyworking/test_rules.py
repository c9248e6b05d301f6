"""Keyworking's rules without a database: eligibility across effective dates, when eligibility
began, the contact edit window, small spends and what needs attention first."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from dsr.models import Diagnosis, Rating
from keyworking import rules

AT_RISK = frozenset({Rating.AMBER, Rating.RED, Rating.BLUE})
ANY_DIAGNOSIS = frozenset({Diagnosis.LEARNING_DISABILITY, Diagnosis.AUTISM, Diagnosis.BOTH})

# North East London: 0–17, then 18–25 as well from 1 April 2024.
NEL = [
    rules.Policy(date(2021, 4, 1), ANY_DIAGNOSIS, AT_RISK, 0, 17),
    rules.Policy(date(2024, 4, 1), ANY_DIAGNOSIS, AT_RISK, 0, 25),
]
# Essex: inpatients (blue) only from February 2023, then wider.
ESSEX = [
    rules.Policy(date(2023, 2, 1), ANY_DIAGNOSIS, frozenset({Rating.BLUE}), 0, 25),
    rules.Policy(date(2023, 10, 1), ANY_DIAGNOSIS, AT_RISK, 0, 25),
]


def _person(born: date, diagnosis=Diagnosis.AUTISM, cohorts=frozenset()):
    return rules.PersonFacts(date_of_birth=born, diagnosis=diagnosis, cohorts=cohorts)


def test_a_20_year_old_in_nel_becomes_eligible_on_1_april_2024():
    twenty = _person(date(2003, 6, 1))
    assert not rules.is_eligible(NEL, twenty, Rating.RED, date(2024, 3, 31))
    assert "ages 0 to 17" in rules.eligibility_problem(NEL, twenty, Rating.RED, date(2024, 3, 31))
    assert rules.is_eligible(NEL, twenty, Rating.RED, date(2024, 4, 1))


def test_nel_takes_amber_red_and_blue_but_not_green():
    child = _person(date(2012, 1, 1))
    assert all(rules.is_eligible(NEL, child, rating, date(2025, 1, 1)) for rating in AT_RISK)
    assert not rules.is_eligible(NEL, child, Rating.GREEN, date(2025, 1, 1))
    assert not rules.is_eligible(NEL, child, "", date(2025, 1, 1))


def test_essex_took_inpatients_only_until_the_wider_start():
    child = _person(date(2012, 1, 1))
    assert rules.is_eligible(ESSEX, child, Rating.BLUE, date(2023, 3, 1))
    assert not rules.is_eligible(ESSEX, child, Rating.RED, date(2023, 3, 1))
    assert rules.is_eligible(ESSEX, child, Rating.RED, date(2023, 10, 1))


def test_nobody_is_eligible_before_the_first_policy():
    problem = rules.eligibility_problem(ESSEX, _person(date(2012, 1, 1)), Rating.BLUE, date(2023, 1, 31))
    assert problem == "The area has no keyworking eligibility policy in force on this date"


def test_a_diagnosis_outside_the_policy_is_not_eligible_but_both_matches_either():
    ld_only = [rules.Policy(date(2020, 1, 1), frozenset({Diagnosis.LEARNING_DISABILITY}), AT_RISK, 0, 17)]
    assert not rules.is_eligible(ld_only, _person(date(2012, 1, 1), Diagnosis.AUTISM), Rating.RED, date(2025, 1, 1))
    assert rules.is_eligible(ld_only, _person(date(2012, 1, 1), Diagnosis.BOTH), Rating.RED, date(2025, 1, 1))


def test_a_policy_cohort_is_eligible_whatever_the_rating():
    with_cohort = [rules.Policy(date(2020, 1, 1), ANY_DIAGNOSIS, AT_RISK, 0, 17, frozenset({"looked_after"}))]
    looked_after = _person(date(2012, 1, 1), cohorts=frozenset({"looked_after"}))
    assert rules.is_eligible(with_cohort, looked_after, Rating.GREEN, date(2025, 1, 1))
    assert not rules.is_eligible(with_cohort, _person(date(2012, 1, 1)), Rating.GREEN, date(2025, 1, 1))


def test_eligibility_began_when_the_rating_went_up():
    ratings = [(date(2025, 1, 10), Rating.GREEN), (date(2025, 3, 5), Rating.AMBER), (date(2025, 4, 1), Rating.RED)]
    since = rules.eligible_since(
        NEL, _person(date(2012, 1, 1)), ratings, on_register_from=date(2025, 1, 10), today=date(2025, 6, 1)
    )
    assert since == date(2025, 3, 5)


def test_eligibility_began_on_the_policy_date_for_an_older_young_person():
    ratings = [(date(2023, 5, 1), Rating.RED)]
    since = rules.eligible_since(
        NEL, _person(date(2004, 9, 1)), ratings, on_register_from=date(2023, 5, 1), today=date(2024, 6, 1)
    )
    assert since == date(2024, 4, 1)


def test_eligibility_began_at_the_wider_essex_start_for_a_red_child():
    since = rules.eligible_since(
        ESSEX,
        _person(date(2012, 1, 1)),
        [(date(2022, 6, 1), Rating.RED)],
        on_register_from=date(2022, 6, 1),
        today=date(2024, 1, 1),
    )
    assert since == date(2023, 10, 1)


def test_eligible_since_is_none_when_not_eligible_today():
    since = rules.eligible_since(
        NEL,
        _person(date(2012, 1, 1)),
        [(date(2025, 1, 1), Rating.GREEN)],
        on_register_from=date(2025, 1, 1),
        today=date(2025, 6, 1),
    )
    assert since is None


def test_caseload_weight_counts_blue_more_than_green():
    weights = {"blue": 3, "red": 3, "amber": 2, "green": 1}
    assert rules.caseload_weight(["blue"] * 3, weights) == 9
    assert rules.caseload_weight(["green"] * 3, weights) == 3
    assert rules.caseload_weight([""], weights) == 1


NOW = datetime(2025, 6, 2, 12, tzinfo=UTC)


def test_the_author_may_edit_a_contact_within_the_window():
    created = NOW - timedelta(hours=47)
    assert rules.contact_edit_problem(author_id=1, editor_id=1, created_at=created, now=NOW, edit_hours=48) is None


def test_after_the_window_even_the_author_must_amend():
    created = NOW - timedelta(hours=49)
    problem = rules.contact_edit_problem(author_id=1, editor_id=1, created_at=created, now=NOW, edit_hours=48)
    assert "add an amendment" in problem


def test_nobody_but_the_author_edits_a_contact():
    problem = rules.contact_edit_problem(author_id=1, editor_id=2, created_at=NOW, now=NOW, edit_hours=48)
    assert "Only the keyworker who recorded" in problem


@pytest.mark.parametrize(
    ("amount", "spent", "message"),
    [
        (Decimal("150"), Decimal("0"), "at most £100"),
        (Decimal("60"), Decimal("1950"), "£50.00 is left"),
        (Decimal("0"), Decimal("0"), "more than £0"),
    ],
)
def test_small_spends_stay_within_the_item_limit_and_the_budget(amount, spent, message):
    problem = rules.spend_problem(amount, spent_this_year=spent, budget=Decimal("2000"), item_limit=Decimal("100"))
    assert message in problem


def test_a_spend_within_budget_is_fine():
    assert (
        rules.spend_problem(
            Decimal("50"), spent_this_year=Decimal("1950"), budget=Decimal("2000"), item_limit=Decimal("100")
        )
        is None
    )


def test_the_financial_year_starts_in_april():
    assert rules.financial_year_start(date(2025, 3, 31)) == date(2024, 4, 1)
    assert rules.financial_year_start(date(2025, 4, 1)) == date(2025, 4, 1)


def test_overdue_items_come_first_then_rating_then_longest_without_contact():
    cases = {
        "green overdue": rules.Attention(overdue=1, rating=Rating.GREEN, days_since_contact=1),
        "blue": rules.Attention(overdue=0, rating=Rating.BLUE, days_since_contact=2),
        "red recent": rules.Attention(overdue=0, rating=Rating.RED, days_since_contact=1),
        "red long ago": rules.Attention(overdue=0, rating=Rating.RED, days_since_contact=20),
        "red never": rules.Attention(overdue=0, rating=Rating.RED, days_since_contact=None),
    }
    ordered = sorted(cases, key=lambda name: cases[name].sort_key())
    assert ordered == ["green overdue", "blue", "red never", "red long ago", "red recent"]
