"""C(E)TR rules without the database: deadlines in working days, CETR or CTR, the consent
gate, and which admissions need a root-cause review."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cetr import rules
from cetr.models import CetrSettings, Variant

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def national():
    return CetrSettings()  # the field defaults are the national defaults


def test_a_childs_post_admission_review_is_due_within_five_working_days(national):
    # Admitted Monday 9 June 2025: Tue–Fri, then Monday 16th.
    assert rules.post_admission_due(admitted_on=date(2025, 6, 9), child=True, settings=national) == date(2025, 6, 16)


def test_admission_on_the_friday_before_easter_skips_the_weekend_and_both_bank_holidays(national):
    # Friday 11 April 2025: Mon 14, Tue 15, Wed 16, Thu 17, (Good Friday, weekend, Easter Monday), Tue 22.
    assert rules.post_admission_due(admitted_on=date(2025, 4, 11), child=True, settings=national) == date(2025, 4, 22)


def test_admission_on_good_friday_counts_from_the_tuesday_after_easter(national):
    assert rules.post_admission_due(admitted_on=date(2025, 4, 18), child=True, settings=national) == date(2025, 4, 28)


def test_admission_before_christmas_skips_christmas_boxing_day_and_new_year(national):
    # Tuesday 23 December 2025: 24th, 29th, 30th, 31st, (1 January), Friday 2 January 2026.
    assert rules.post_admission_due(admitted_on=date(2025, 12, 23), child=True, settings=national) == date(2026, 1, 2)


def test_boxing_day_observed_on_a_monday_is_skipped(national):
    # Christmas 2026 falls on a Friday: Boxing Day is observed on Monday 28 December.
    assert rules.post_admission_due(admitted_on=date(2026, 12, 24), child=True, settings=national) == date(2027, 1, 5)


def test_an_adults_post_admission_review_is_due_within_four_calendar_weeks(national):
    assert rules.post_admission_due(admitted_on=date(2025, 12, 23), child=False, settings=national) == date(2026, 1, 20)


def test_an_area_can_set_its_own_post_admission_clock():
    earlier_rule = CetrSettings(post_admission_child_working_days=10, post_admission_adult_days=21)
    assert rules.post_admission_due(admitted_on=date(2025, 4, 11), child=True, settings=earlier_rule) == date(
        2025, 4, 29
    )
    assert rules.post_admission_due(admitted_on=date(2025, 4, 11), child=False, settings=earlier_rule) == date(
        2025, 5, 2
    )


@pytest.mark.parametrize(
    ("child", "secure", "due"),
    [
        (True, False, date(2025, 5, 28)),
        (True, True, date(2025, 5, 28)),
        (False, False, date(2025, 8, 28)),
        (False, True, date(2026, 2, 28)),
    ],
)
def test_repeat_inpatient_reviews_follow_age_and_security(national, child, secure, due):
    assert rules.repeat_review_due(last_held_on=date(2025, 2, 28), child=child, secure=secure, settings=national) == due


def test_the_next_inpatient_review_is_post_admission_when_no_community_review_came_first(national):
    following = rules.next_inpatient_review(
        admitted_on=date(2025, 4, 11),
        secure=False,
        date_of_birth=date(2012, 1, 1),
        community_review_held=False,
        inpatient_reviews_held=[],
        settings=national,
    )
    assert (following.kind, following.due_by) == ("post_admission", date(2025, 4, 22))


def test_the_next_inpatient_review_repeats_from_the_latest_one_held(national):
    following = rules.next_inpatient_review(
        admitted_on=date(2024, 1, 10),
        secure=True,
        date_of_birth=date(2000, 1, 1),
        community_review_held=False,
        inpatient_reviews_held=[date(2024, 2, 1), date(2024, 8, 1)],
        settings=national,
    )
    assert (following.kind, following.due_by) == ("inpatient_repeat", date(2025, 8, 1))


def test_after_a_community_review_the_repeat_clock_runs_from_admission(national):
    following = rules.next_inpatient_review(
        admitted_on=date(2025, 1, 15),
        secure=False,
        date_of_birth=date(2012, 1, 1),
        community_review_held=True,
        inpatient_reviews_held=[],
        settings=national,
    )
    assert (following.kind, following.due_by) == ("inpatient_repeat", date(2025, 4, 15))


def test_each_held_review_restarts_the_repeat_clock_until_the_one_still_awaited(national):
    deadlines = rules.repeat_review_deadlines(
        admitted_on=date(2025, 1, 15),
        discharged_on=None,
        secure=False,
        date_of_birth=date(2012, 1, 1),
        community_review_held=True,
        inpatient_reviews_held=[date(2025, 4, 10)],
        settings=national,
        until=date(2025, 12, 31),
    )
    assert deadlines == [(date(2025, 4, 15), date(2025, 4, 10)), (date(2025, 7, 10), None)]


def test_no_repeat_review_falls_due_after_discharge_nor_before_the_post_admission_one(national):
    discharged = rules.repeat_review_deadlines(
        admitted_on=date(2025, 1, 15),
        discharged_on=date(2025, 3, 1),
        secure=False,
        date_of_birth=date(2012, 1, 1),
        community_review_held=True,
        inpatient_reviews_held=[],
        settings=national,
        until=date(2025, 12, 31),
    )
    awaiting_post_admission = rules.repeat_review_deadlines(
        admitted_on=date(2025, 1, 15),
        discharged_on=None,
        secure=False,
        date_of_birth=date(2012, 1, 1),
        community_review_held=False,
        inpatient_reviews_held=[],
        settings=national,
        until=date(2025, 12, 31),
    )
    assert discharged == awaiting_post_admission == []


def test_papers_are_due_24_hours_before(national):
    dates = rules.preparation(scheduled_at=datetime(2025, 6, 12, 10, tzinfo=LONDON), held_on=None, settings=national)
    assert dates.papers_by == datetime(2025, 6, 11, 10, tzinfo=LONDON)
    assert (dates.invitations_by, dates.consent_by) == (date(2025, 5, 29), date(2025, 5, 29))
    assert dates.report_by is None


def test_papers_due_on_easter_monday_move_back_to_the_thursday_before(national):
    dates = rules.preparation(scheduled_at=datetime(2025, 4, 22, 10, tzinfo=LONDON), held_on=None, settings=national)
    assert dates.papers_by == datetime(2025, 4, 17, 10, tzinfo=LONDON)


def test_papers_due_on_a_sunday_move_back_to_friday(national):
    dates = rules.preparation(scheduled_at=datetime(2025, 6, 9, 14, tzinfo=LONDON), held_on=None, settings=national)
    assert dates.papers_by == datetime(2025, 6, 6, 14, tzinfo=LONDON)


def test_the_report_is_due_two_weeks_after_the_review_or_as_the_area_sets(national):
    assert rules.report_due(held_on=date(2025, 6, 12), settings=national) == date(2025, 6, 26)
    assert rules.report_due(held_on=date(2025, 6, 12), settings=CetrSettings(report_days_after=10)) == date(2025, 6, 22)


@pytest.mark.parametrize(
    ("born", "ehc_plan", "variant"),
    [
        (date(2010, 6, 1), False, Variant.CETR),  # a child: always a CETR
        (date(2005, 6, 1), True, Variant.CETR),  # 20 with an EHC plan
        (date(2005, 6, 1), False, Variant.CTR),  # 20 without one
        (date(1999, 6, 1), True, Variant.CTR),  # 26: EHC plans end at 25
        (date(2007, 6, 2), False, Variant.CETR),  # 17 until tomorrow
    ],
)
def test_cetr_or_ctr_follows_age_and_ehc_plan(born, ehc_plan, variant):
    assert rules.review_variant(date_of_birth=born, has_ehc_plan=ehc_plan, on=date(2025, 6, 1)) == variant


def test_the_papers_gate_is_shut_without_consent_and_says_why():
    reason = rules.papers_gate(consent_given=False, recheck_due=None, today=date(2025, 6, 1))
    assert "No consent or best-interests decision is recorded" in reason


def test_the_papers_gate_is_shut_once_the_consent_recheck_date_has_passed():
    reason = rules.papers_gate(consent_given=True, recheck_due=date(2025, 5, 31), today=date(2025, 6, 1))
    assert "re-checked on 31 May 2025" in reason
    assert rules.papers_gate(consent_given=True, recheck_due=date(2025, 6, 1), today=date(2025, 6, 1)) is None


def test_an_admission_needs_a_root_cause_review_unless_a_community_review_came_in_the_window(national):
    admitted = date(2025, 6, 1)
    assert rules.needs_root_cause_review(admitted_on=admitted, community_reviews_held=[], settings=national)
    assert not rules.needs_root_cause_review(
        admitted_on=admitted, community_reviews_held=[date(2025, 3, 1)], settings=national
    )
    assert rules.needs_root_cause_review(
        admitted_on=admitted, community_reviews_held=[date(2024, 3, 1), date(2025, 6, 2)], settings=national
    )


def test_the_community_review_window_is_set_per_area():
    narrow = CetrSettings(community_review_window_days=30)
    assert rules.needs_root_cause_review(
        admitted_on=date(2025, 6, 1), community_reviews_held=[date(2025, 3, 1)], settings=narrow
    )


def test_the_core_panel_roles_still_to_fill():
    assert [role.value for role in rules.missing_panel_roles(["chair", "other"])] == [
        "clinical_expert",
        "expert_by_experience",
    ]


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2008, 5, 17), date(2026, 5, 16), 17),  # the day before the 18th birthday
        (date(2008, 5, 17), date(2026, 5, 17), 18),
        (date(2008, 2, 29), date(2026, 2, 28), 17),  # a leap-day birthday comes on 1 March
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
    ],
)
def test_age_counts_whole_years_and_a_leap_day_birthday_arrives_on_the_first_of_march(born, on, age):
    assert rules.age_on(born, on) == age
    assert rules.is_child(born, on) is (age < 18)
