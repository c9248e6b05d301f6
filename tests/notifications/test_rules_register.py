"""Each register rule fires on the right day (and not the day before), to the right people,
with the area's own timings."""

from datetime import date, timedelta

import pytest

from areas.selectors import settings_for
from dsr import rules as dsr_rules
from dsr.models import Rating, RegisterSettings
from dsr.models.consent import ConsentBasis
from dsr.services.consents import consent_record, consent_withdraw
from dsr.services.episodes import episode_admit, episode_discharge
from dsr.services.ratings import rating_record
from notifications.models import Notification, NotificationSettings
from tests.factories import area, entry, person
from tests.notifications.conftest import DAY_ZERO


def fired(rule: str, user=None) -> list[date]:
    notifications = Notification.objects.filter(rule=rule, delivered_at__isnull=False)
    if user is not None:
        notifications = notifications.filter(recipient=user)
    return sorted(notifications.values_list("due_on", flat=True))


def first_day(rule: str, days, frozen, run_sweep) -> date | None:
    """Sweep day by day through `days`; the first day the rule fired, if any."""
    for day in days:
        frozen(day)
        run_sweep()
        if fired(rule):
            return day
    return None


def days_from(start: date, count: int):
    return [start + timedelta(days=n) for n in range(count)]


@pytest.fixture
def red_entry(frozen, holder):
    frozen(DAY_ZERO)
    return entry(rating=Rating.RED, decided_by=holder)  # reviewed today: next review in 14 days


def test_review_due_soon_fires_a_week_before_the_review_to_the_areas_dsr_holder(red_entry, holder, frozen, run_sweep):
    assert red_entry.next_review_due == DAY_ZERO + timedelta(days=14)
    assert first_day("review_due_soon", days_from(DAY_ZERO, 20), frozen, run_sweep) == DAY_ZERO + timedelta(days=7)
    assert fired("review_due_soon", holder) == [red_entry.next_review_due]


def test_review_overdue_fires_the_day_after_the_review_was_due(red_entry, frozen, run_sweep):
    assert first_day("review_overdue", days_from(DAY_ZERO, 20), frozen, run_sweep) == DAY_ZERO + timedelta(days=15)


def test_a_review_fires_once_however_many_sweeps(red_entry, frozen, run_sweep):
    for day in days_from(DAY_ZERO + timedelta(days=7), 10):
        frozen(day)
        run_sweep()
        run_sweep()
    assert fired("review_due_soon") == [red_entry.next_review_due]
    assert fired("review_overdue") == [red_entry.next_review_due]


def test_a_new_review_date_brings_a_new_reminder(red_entry, holder, frozen, run_sweep):
    frozen(DAY_ZERO + timedelta(days=7))
    run_sweep()
    rating_record(
        entry=red_entry,
        rating=Rating.RED,
        reason="Reviewed",
        decided_on=DAY_ZERO + timedelta(days=7),
        decided_by=holder,
    )
    frozen(DAY_ZERO + timedelta(days=14))
    run_sweep()
    assert fired("review_due_soon") == [DAY_ZERO + timedelta(days=14), DAY_ZERO + timedelta(days=21)]


def test_the_reminder_lead_time_is_the_areas_own(red_entry, frozen, run_sweep):
    settings = settings_for(NotificationSettings, area("thurrock").id)
    settings.review_due_soon_days = 3
    settings.save()
    assert first_day("review_due_soon", days_from(DAY_ZERO, 20), frozen, run_sweep) == DAY_ZERO + timedelta(days=11)


def test_review_reminders_go_only_to_the_areas_dsr_holders(
    red_entry, holder, holder_newham, keyworker_thurrock, frozen, run_sweep
):
    frozen(DAY_ZERO + timedelta(days=20))
    run_sweep()
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {holder.username}


def test_removed_entries_get_no_reminders(red_entry, frozen, run_sweep):
    from dsr.services.entries import entry_remove

    entry_remove(entry=red_entry, reason="risk_reduced", on=DAY_ZERO)
    frozen(DAY_ZERO + timedelta(days=20))
    run_sweep()
    assert not Notification.objects.exists()


@pytest.fixture
def consented_entry(frozen, holder):
    frozen(DAY_ZERO)
    opened = entry(date_of_birth=date(2008, 1, 10))
    consent_record(
        entry=opened, basis=ConsentBasis.CAPACITOUS, given_by="Alex", recorded_on=DAY_ZERO, recorded_by=holder
    )
    return opened


def test_consent_recheck_due_fires_28_days_before_the_review_date(consented_entry, frozen, run_sweep):
    review_due = DAY_ZERO + timedelta(days=365)
    days = days_from(review_due - timedelta(days=30), 5)
    assert first_day("consent_recheck_due", days, frozen, run_sweep) == review_due - timedelta(days=28)
    assert fired("consent_recheck_due") == [review_due]


def test_consent_recheck_overdue_fires_the_day_after_the_review_date(consented_entry, frozen, run_sweep):
    review_due = DAY_ZERO + timedelta(days=365)
    assert first_day("consent_recheck_overdue", days_from(review_due - timedelta(days=1), 4), frozen, run_sweep) == (
        review_due + timedelta(days=1)
    )


def test_withdrawn_consent_is_not_chased_for_a_recheck(consented_entry, holder, frozen, run_sweep):
    consent_withdraw(entry=consented_entry, withdrawn_by="Alex", recorded_on=DAY_ZERO, recorded_by=holder)
    frozen(DAY_ZERO + timedelta(days=400))
    run_sweep()
    assert not fired("consent_recheck_due")
    assert not fired("consent_recheck_overdue")


def test_the_transition_flag_fires_at_17_and_a_half(frozen, holder, run_sweep):
    frozen(DAY_ZERO)
    entry(date_of_birth=date(2008, 9, 15))  # 18 on 15 September 2026
    assert first_day("transition_flag", days_from(date(2026, 3, 13), 4), frozen, run_sweep) == date(2026, 3, 15)
    assert fired("transition_flag", holder) == [date(2026, 3, 15)]


@pytest.mark.parametrize("born", [date(2008, 2, 29), date(2008, 8, 31), date(2009, 3, 31), date(2008, 12, 31)])
def test_the_transition_flag_falls_on_the_registers_own_flag_date(born, frozen, holder, run_sweep):
    flag_day = dsr_rules.transition_flag_from(born, adult_age=18, months_before=6)
    frozen(min(flag_day, DAY_ZERO) - timedelta(days=1))
    entry(date_of_birth=born)
    assert first_day("transition_flag", days_from(flag_day - timedelta(days=1), 2), frozen, run_sweep) == flag_day


def test_the_transition_flag_follows_the_areas_register_age(frozen, holder, run_sweep):

    settings = settings_for(RegisterSettings, area("thurrock").id)
    settings.adult_register_age, settings.transition_flag_months = 19, 3
    settings.save()
    frozen(DAY_ZERO)
    entry(date_of_birth=date(2007, 9, 15))  # 19 on 15 September 2026: flagged from 15 June
    assert first_day("transition_flag", days_from(date(2026, 6, 14), 2), frozen, run_sweep) == date(2026, 6, 15)


@pytest.fixture
def discharged(frozen, holder):
    frozen(DAY_ZERO)
    someone = person()
    episode = episode_admit(
        person=someone, admitted_on=DAY_ZERO, hospital="Test Hospital", section="s2", recorded_by=holder
    )
    episode_discharge(episode=episode, discharged_on=DAY_ZERO, destination="Home", recorded_by=holder)
    return episode  # held at red until DAY_ZERO + 14


def test_hold_ending_fires_two_days_before_the_hold_ends(discharged, chair_thurrock, holder, frozen, run_sweep):
    days = days_from(DAY_ZERO, 16)
    assert first_day("hold_ending", days, frozen, run_sweep) == DAY_ZERO + timedelta(days=12)
    assert fired("hold_ending", chair_thurrock) == fired("hold_ending", holder) == [DAY_ZERO + timedelta(days=14)]


def test_a_later_rating_decision_ends_the_hold_and_its_reminder(discharged, holder, frozen, run_sweep):
    rating_record(
        entry=discharged.entry, rating=Rating.BLUE, reason="Readmitted", decided_on=DAY_ZERO, decided_by=holder
    )
    frozen(DAY_ZERO + timedelta(days=13))
    run_sweep()
    assert not fired("hold_ending")


@pytest.fixture
def admit_out_of_area(frozen, holder):
    def admit(born: date, **details):
        frozen(DAY_ZERO)
        return episode_admit(
            person=person(date_of_birth=born),
            admitted_on=DAY_ZERO,
            hospital="Far Hospital",
            section="s3",
            out_of_area=True,
            recorded_by=holder,
            **details,
        )

    return admit


def test_oversight_visits_for_children_fall_every_6_weeks_with_a_weeks_notice(
    admit_out_of_area, coordinator_thurrock, frozen, run_sweep
):
    admit_out_of_area(date(2012, 5, 17))
    assert first_day("oversight_visit_due", days_from(DAY_ZERO, 40), frozen, run_sweep) == DAY_ZERO + timedelta(days=35)
    for day in days_from(DAY_ZERO + timedelta(days=36), 50):
        frozen(day)
        run_sweep()
    assert fired("oversight_visit_due", coordinator_thurrock) == [
        DAY_ZERO + timedelta(weeks=6),
        DAY_ZERO + timedelta(weeks=12),
    ]


def test_oversight_visits_for_adults_fall_every_8_weeks(admit_out_of_area, frozen, run_sweep):
    admit_out_of_area(date(2000, 1, 1))
    assert first_day("oversight_visit_due", days_from(DAY_ZERO, 60), frozen, run_sweep) == DAY_ZERO + timedelta(days=49)
    assert fired("oversight_visit_due") == [DAY_ZERO + timedelta(weeks=8)]


def test_no_oversight_visits_in_area_or_after_discharge(admit_out_of_area, holder, frozen, run_sweep):
    frozen(DAY_ZERO)
    episode_admit(
        person=person(given_name="Near"), admitted_on=DAY_ZERO, hospital="Local", section="s2", recorded_by=holder
    )
    away = admit_out_of_area(date(2012, 5, 17), section_17_leave="")
    episode_discharge(episode=away, discharged_on=DAY_ZERO + timedelta(days=1), destination="Home", recorded_by=holder)
    frozen(DAY_ZERO + timedelta(days=40))
    run_sweep()
    assert not fired("oversight_visit_due")
