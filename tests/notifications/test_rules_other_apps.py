"""The keyworking, C(E)TR, DSR MDT and referral rules fire on the right day, to the right
people. Records are made through each app's own services and test factories."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from areas.roles import Role
from cetr.services.actions import action_add, recommendation_add
from cetr.services.reviews import review_record
from dsr.models import Allocation, Rating
from dsr.services.ratings import rating_record
from keyworking.models import Contact, ContactMode, ContactWith
from notifications.models import Notification
from tests.cetr import factories as cetr_factories
from tests.factories import entry, user_with_roles
from tests.notifications.conftest import DAY_ZERO, immediate
from tests.notifications.test_rules_register import days_from, fired, first_day

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def keyworker(frozen, keyworker_thurrock):
    frozen(DAY_ZERO)
    return keyworker_thurrock


def allocated(keyworker, rating: str) -> Allocation:
    case = entry(rating=rating, decided_by=keyworker)
    return Allocation.objects.create(
        area_id=case.area_id,
        person_id=case.person_id,
        entry=case,
        keyworker=keyworker,
        eligible_since=DAY_ZERO,
        allocated_on=DAY_ZERO,
        allocated_by=keyworker,
    )


@pytest.mark.parametrize(
    ("rating", "days"), [(Rating.RED, 7), (Rating.BLUE, 7), (Rating.AMBER, 14), (Rating.GREEN, 28)]
)
def test_no_contact_reminds_the_keyworker_after_the_ratings_own_days(keyworker, rating, days, frozen, run_sweep):
    allocation = allocated(keyworker, rating)
    assert first_day("keyworking_no_contact", days_from(DAY_ZERO, 30), frozen, run_sweep) == DAY_ZERO + timedelta(days)
    assert fired("keyworking_no_contact", keyworker) == [DAY_ZERO + timedelta(days)]
    assert Notification.objects.get().subject_id == allocation.id


def test_a_contact_restarts_the_no_contact_clock(keyworker, frozen, run_sweep):
    allocation = allocated(keyworker, Rating.RED)
    Contact.objects.create(
        area_id=allocation.area_id,
        allocation=allocation,
        person_id=allocation.person_id,
        occurred_at=datetime.combine(DAY_ZERO + timedelta(days=5), time(23, 30), tzinfo=LONDON),
        mode=ContactMode.PHONE,
        with_whom=[ContactWith.PARENT_CARER],
        duration_minutes=20,
        author=keyworker,
    )
    assert first_day("keyworking_no_contact", days_from(DAY_ZERO, 20), frozen, run_sweep) == DAY_ZERO + timedelta(12)


def test_no_contact_goes_only_to_the_allocated_keyworker_while_they_hold_the_role(keyworker, frozen, run_sweep):
    from areas.services import role_revoke
    from tests.factories import area

    allocated(keyworker, Rating.RED)
    immediate(user_with_roles("kw2.thurrock", {"thurrock": [Role.KEYWORKER]}))
    role_revoke(area=area("thurrock"), user=keyworker, role=Role.KEYWORKER)
    frozen(DAY_ZERO + timedelta(days=10))
    run_sweep()
    assert not Notification.objects.exists()


def test_keyworking_review_is_due_a_week_before_90_days_from_allocation(keyworker, frozen, run_sweep):
    allocated(keyworker, Rating.GREEN)
    days = days_from(DAY_ZERO + timedelta(days=80), 10)
    assert first_day("keyworking_review_due", days, frozen, run_sweep) == DAY_ZERO + timedelta(days=83)
    assert fired("keyworking_review_due", keyworker) == [DAY_ZERO + timedelta(days=90)]


@pytest.fixture
def coordinator(frozen, coordinator_thurrock):
    frozen(DAY_ZERO)
    return coordinator_thurrock


def test_a_post_admission_cetr_deadline_approaching_and_missed(coordinator, frozen, run_sweep):
    person = entry(date_of_birth=date(2012, 5, 17)).person
    episode = cetr_factories.admit(person, admitted_on=DAY_ZERO)
    review = cetr_factories.review(person, kind="post_admission", requested_on=DAY_ZERO, episode=episode)
    due = review.due_by
    assert due == DAY_ZERO + timedelta(days=7)  # 5 working days from a Monday
    assert first_day("cetr_deadline_soon", days_from(DAY_ZERO - timedelta(days=1), 3), frozen, run_sweep) == DAY_ZERO
    assert first_day("cetr_deadline_missed", days_from(due, 3), frozen, run_sweep) == due + timedelta(days=1)
    assert fired("cetr_deadline_missed", coordinator) == [due]


def test_a_held_review_is_not_chased(coordinator, frozen, run_sweep):
    person = entry().person
    episode = cetr_factories.admit(person, admitted_on=DAY_ZERO)
    review = cetr_factories.review(person, kind="post_admission", requested_on=DAY_ZERO, episode=episode)
    frozen(DAY_ZERO + timedelta(days=2))
    review_record(review=review, held_on=DAY_ZERO + timedelta(days=2))
    frozen(DAY_ZERO + timedelta(days=10))
    run_sweep()
    assert not fired("cetr_deadline_missed")


def test_the_repeat_inpatient_review_of_a_child_falls_due_3_months_after_the_last(coordinator, frozen, run_sweep):
    person = entry(date_of_birth=date(2012, 5, 17)).person
    episode = cetr_factories.admit(person, admitted_on=DAY_ZERO)
    review = cetr_factories.review(person, kind="post_admission", requested_on=DAY_ZERO, episode=episode)
    frozen(DAY_ZERO + timedelta(days=3))
    review_record(review=review, held_on=DAY_ZERO + timedelta(days=3))  # 5 March: next by 5 June
    assert first_day("cetr_repeat_due", days_from(date(2026, 5, 27), 4), frozen, run_sweep) == date(2026, 5, 29)
    assert fired("cetr_repeat_due", coordinator) == [date(2026, 6, 5)]


def test_papers_are_chased_two_days_before_they_are_due(coordinator, frozen, run_sweep):
    person = entry().person
    review = cetr_factories.review(person, requested_on=DAY_ZERO)
    review_record(review=review, scheduled_at=datetime(2026, 3, 20, 10, tzinfo=LONDON))  # papers by 19 March 10am
    assert first_day("cetr_papers_due", days_from(date(2026, 3, 15), 5), frozen, run_sweep) == date(2026, 3, 17)
    assert fired("cetr_papers_due", coordinator) == [date(2026, 3, 19)]


def test_a_report_not_issued_two_weeks_after_the_review_is_overdue(coordinator, frozen, run_sweep):
    person = entry().person
    review = cetr_factories.review(person, requested_on=DAY_ZERO)
    review_record(review=review, held_on=DAY_ZERO)
    assert first_day("cetr_report_overdue", days_from(DAY_ZERO + timedelta(13), 4), frozen, run_sweep) == (
        DAY_ZERO + timedelta(days=15)
    )


def test_actions_due_soon_and_overdue_go_to_coordinators_and_an_owner_with_an_account(coordinator, frozen, run_sweep):
    owner = immediate(user_with_roles("owner.thurrock", {"thurrock": [Role.KEYWORKER]}))
    outsider = immediate(user_with_roles("owner.newham", {"newham": [Role.KEYWORKER]}))
    due = DAY_ZERO + timedelta(days=30)
    for owner_user in (owner, outsider):
        person = entry().person
        review = cetr_factories.review(person, requested_on=DAY_ZERO)
        review_record(review=review, held_on=DAY_ZERO)
        recommendation = recommendation_add(review=review, text="A synthetic recommendation")
        action_add(
            recommendation=recommendation,
            description="Do it",
            owner_name="Pat",
            owner_organisation="Org",
            due_on=due,
            owner_user=owner_user,
        )
    assert first_day("cetr_action_due_soon", days_from(due - timedelta(15), 3), frozen, run_sweep) == (
        due - timedelta(days=14)
    )
    assert fired("cetr_action_due_soon_owner") == [due]
    assert fired("cetr_action_due_soon_owner", owner) == [due]
    assert first_day("cetr_action_overdue", days_from(due, 3), frozen, run_sweep) == due + timedelta(days=1)
    assert fired("cetr_action_overdue", coordinator) == [due, due]
    assert fired("cetr_action_overdue_owner", owner) == [due]
    assert not Notification.objects.filter(recipient=outsider).exists()


@pytest.fixture
def discussed_case(frozen):
    """A case discussed at a meeting held on DAY_ZERO and closed: feedback due in 5 working days."""
    from dsr.meetings.services import agenda_add_urgent, item_discuss, meeting_close, meeting_plan, meeting_start
    from tests.factories import area

    frozen(DAY_ZERO)
    chair = immediate(user_with_roles("chair.thurrock", {"thurrock": [Role.MDT_CHAIR]}))
    meeting = meeting_plan(area=area("thurrock"), held_on=DAY_ZERO, chair=chair, planned_by=chair, urgent=True)
    item = agenda_add_urgent(meeting=meeting, entry=entry(rating=Rating.AMBER), note="Crisis", added_by=chair)
    meeting_start(meeting=meeting, started_by=chair)
    item.refresh_from_db()
    item.meeting.refresh_from_db()
    item_discuss(item=item, decided_by=chair, notes="Discussed")
    meeting_close(meeting=meeting, closed_by=chair)
    item.refresh_from_db()
    return chair, item


def test_mdt_feedback_is_due_the_day_before_and_overdue_the_day_after(discussed_case, frozen, run_sweep):
    chair, item = discussed_case
    assert item.feedback_due == DAY_ZERO + timedelta(days=7)
    days = days_from(DAY_ZERO + timedelta(days=5), 4)
    assert first_day("mdt_feedback_due", days, frozen, run_sweep) == DAY_ZERO + timedelta(days=6)
    assert first_day("mdt_feedback_overdue", days_from(DAY_ZERO + timedelta(7), 3), frozen, run_sweep) == (
        DAY_ZERO + timedelta(days=8)
    )
    assert fired("mdt_feedback_overdue", chair) == [item.feedback_due]


def test_mdt_feedback_given_to_both_is_not_chased(discussed_case, frozen, run_sweep):
    from dsr.meetings.services import feedback_record

    chair, item = discussed_case
    for recipient in ("family", "referrer"):
        feedback_record(item=item, recipient=recipient, given_on=DAY_ZERO, method="phone", recorded_by=chair)
    frozen(DAY_ZERO + timedelta(days=10))
    run_sweep()
    assert not fired("mdt_feedback_overdue")


def test_a_referral_decision_is_due_a_week_before_the_target_and_overdue_after(holder, frozen, run_sweep):
    from tests.referrals.factories import referral

    frozen(DAY_ZERO)
    referral()  # arrived on DAY_ZERO: decide within 28 days
    target = DAY_ZERO + timedelta(days=28)
    assert first_day("referral_decision_due", days_from(target - timedelta(8), 3), frozen, run_sweep) == (
        target - timedelta(days=7)
    )
    assert first_day("referral_decision_overdue", days_from(target, 3), frozen, run_sweep) == target + timedelta(1)
    assert fired("referral_decision_overdue", holder) == [target]
    assert Notification.objects.filter(person__isnull=False).count() == 0  # names nobody


def test_a_rating_change_moves_the_no_contact_clock(keyworker, frozen, run_sweep):
    allocation = allocated(keyworker, Rating.GREEN)
    rating_record(entry=allocation.entry, rating=Rating.RED, reason="Crisis", decided_on=DAY_ZERO, decided_by=keyworker)
    assert first_day("keyworking_no_contact", days_from(DAY_ZERO, 10), frozen, run_sweep) == DAY_ZERO + timedelta(7)
