"""Meeting services against the real database: the agenda, decisions into the rating history,
keyworking decisions, feedback in working days, and minutes locked once closed."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from areas.working_days import add_working_days
from dsr.meetings import services
from dsr.models import Allocation, Rating, RatingChange
from dsr.models.meeting import AgendaReason, ItemStatus, KeyworkingDecision
from tests.factories import area, entry
from tests.keyworking.factories import TODAY, allocated, eligible_entry


@pytest.fixture
def meeting(chair):
    return services.meeting_plan(area=area("thurrock"), held_on=TODAY, chair=chair, planned_by=chair)


def _started(meeting, chair):
    return services.meeting_start(meeting=meeting, started_by=chair)


def _reasons(meeting):
    return {item.person.given_name: item.reasons for item in meeting.items.select_related("person")}


def test_the_chair_must_be_an_mdt_chair_of_the_area(keyworker):
    with pytest.raises(ValidationError, match="MDT chair"):
        services.meeting_plan(area=area("thurrock"), held_on=TODAY, chair=keyworker, planned_by=keyworker)


def test_the_agenda_is_built_from_ratings_reviews_and_keyworking(meeting, chair, keyworker):
    eligible_entry(given_name="Waiting", rating=Rating.AMBER)
    entry(rating=Rating.GREEN, given_name="Settled")  # green, review a month away: not on the agenda
    blue = eligible_entry(given_name="Inpatient", rating=Rating.BLUE, days_ago=120)
    allocated(blue, keyworker, on=TODAY - timedelta(days=100))
    added = services.agenda_build(meeting=meeting, built_by=chair)
    reasons = _reasons(meeting)
    assert added == 2
    assert "Settled" not in reasons
    assert reasons["Waiting"][:1] == [AgendaReason.AMBER]
    assert AgendaReason.ELIGIBLE_UNALLOCATED in reasons["Waiting"]
    assert reasons["Inpatient"][0] == AgendaReason.BLUE
    assert AgendaReason.ALLOCATION_REVIEW in reasons["Inpatient"]
    first = meeting.items.order_by("position").first()
    assert first.person.given_name == "Inpatient"  # the most pressing first


def test_reviews_due_by_the_meeting_are_on_the_agenda(meeting, chair):
    overdue = entry(rating=Rating.GREEN, given_name="Overdue")
    overdue.next_review_due = TODAY - timedelta(days=3)
    overdue.save(update_fields=["next_review_due"])
    services.agenda_build(meeting=meeting, built_by=chair)
    assert _reasons(meeting)["Overdue"] == [AgendaReason.REVIEW_DUE]


def test_a_removed_case_stays_off_when_the_agenda_is_rebuilt(meeting, chair):
    eligible_entry(given_name="Removed")
    services.agenda_build(meeting=meeting, built_by=chair)
    services.agenda_remove(item=meeting.items.get())
    assert services.agenda_build(meeting=meeting, built_by=chair) == 0
    assert meeting.items.get().status == ItemStatus.REMOVED


def test_an_urgent_addition_goes_to_the_top(meeting, chair):
    eligible_entry(given_name="Routine")
    services.agenda_build(meeting=meeting, built_by=chair)
    urgent = entry(rating=Rating.GREEN, given_name="Urgent")
    services.agenda_add_urgent(meeting=meeting, entry=urgent, note="Placement breaking down", added_by=chair)
    top = meeting.items.order_by("position", "id").first()
    assert (top.person.given_name, top.reasons, top.urgent_note) == ("Urgent", ["urgent"], "Placement breaking down")


def test_decisions_need_the_meeting_in_progress(meeting, chair):
    eligible_entry()
    services.agenda_build(meeting=meeting, built_by=chair)
    with pytest.raises(ValidationError, match="Start the meeting"):
        services.item_discuss(item=meeting.items.get(), decided_by=chair, notes="Too early")


def test_the_rating_decided_goes_into_the_history_with_the_meeting_as_source(meeting, chair):
    case = eligible_entry(rating=Rating.AMBER)
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = _started(meeting, chair)
    item = meeting.items.select_related("entry", "meeting").get()
    services.item_discuss(item=item, decided_by=chair, rating=Rating.RED, rating_reason="Crisis at A&E", notes="")
    change = RatingChange.objects.filter(entry=case).first()
    assert (change.rating, change.meeting_id, change.decided_by, change.reason) == (
        Rating.RED,
        meeting.id,
        chair,
        "Crisis at A&E",
    )
    case.refresh_from_db()
    assert case.current_rating == Rating.RED
    item.refresh_from_db()
    assert (item.status, item.rating_change_id) == (ItemStatus.DISCUSSED, change.id)


def test_saving_the_same_decision_again_does_not_double_the_history(meeting, chair):
    case = eligible_entry(rating=Rating.AMBER)
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = _started(meeting, chair)
    item = meeting.items.select_related("entry", "meeting").get()
    for notes in ("First", "Corrected"):
        services.item_discuss(item=item, decided_by=chair, rating=Rating.RED, rating_reason="Crisis", notes=notes)
    assert RatingChange.objects.filter(entry=case, meeting=meeting).count() == 1


def test_a_keyworking_decision_to_allocate_allocates_at_the_meeting(meeting, chair, keyworker):
    case = eligible_entry()
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = _started(meeting, chair)
    item = meeting.items.select_related("entry", "meeting").get()
    services.item_discuss(
        item=item,
        decided_by=chair,
        notes="Agreed",
        keyworking_decision=KeyworkingDecision.ALLOCATE,
        keyworker_id=keyworker.pk,
    )
    allocation = Allocation.objects.get(person_id=case.person_id)
    assert (allocation.keyworker, allocation.meeting_id) == (keyworker, meeting.id)
    item.refresh_from_db()
    assert item.allocation_id == allocation.id


def test_closing_keyworking_at_the_meeting_needs_a_reason(meeting, chair, keyworker):
    case = eligible_entry()
    allocation = allocated(case, keyworker)
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = _started(meeting, chair)
    item = meeting.items.select_related("entry", "meeting").get()
    with pytest.raises(ValidationError, match="reason"):
        services.item_discuss(item=item, decided_by=chair, notes="", keyworking_decision=KeyworkingDecision.CLOSE)
    services.item_discuss(
        item=item,
        decided_by=chair,
        notes="",
        keyworking_decision=KeyworkingDecision.CLOSE,
        keyworking_reason="Goals met; family confident",
    )
    allocation.refresh_from_db()
    assert allocation.ended_on == TODAY
    assert "Goals met" in allocation.end_reason


def test_a_refused_keyworking_decision_saves_nothing_of_the_discussion(meeting, chair, keyworker, other_keyworker):
    case = eligible_entry(rating=Rating.AMBER)
    allocated(case, other_keyworker)
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = _started(meeting, chair)
    item = meeting.items.select_related("entry", "meeting").get()
    with pytest.raises(ValidationError):
        services.item_discuss(
            item=item,
            decided_by=chair,
            notes="",
            rating=Rating.RED,
            rating_reason="Worse",
            keyworking_decision=KeyworkingDecision.ALLOCATE,
            keyworker_id=keyworker.pk,
        )
    assert not RatingChange.objects.filter(entry=case, meeting=meeting).exists()


def _closed_meeting_with_a_case(meeting, chair, *, held_on=None):
    if held_on:
        meeting = services.meeting_update(meeting=meeting, held_on=held_on)
    eligible_entry(given_name="Discussed")
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = _started(meeting, chair)
    item = meeting.items.select_related("entry", "meeting").get(person__given_name="Discussed")
    services.item_discuss(item=item, decided_by=chair, notes="Discussed")
    services.action_add(
        item=item, description="Call the school", due_on=TODAY + timedelta(days=7), owner=chair, created_by=chair
    )
    return services.meeting_close(meeting=meeting, closed_by=chair), item


def test_closing_sets_feedback_due_in_working_days_and_defers_the_rest(meeting, chair):
    monday = TODAY - timedelta(days=TODAY.weekday() + 7)
    eligible_entry(given_name="Not reached")
    meeting, item = _closed_meeting_with_a_case(meeting, chair, held_on=monday)
    item.refresh_from_db()
    assert item.feedback_due == add_working_days(monday, 5)
    assert meeting.items.get(person__given_name="Not reached").status == ItemStatus.DEFERRED


def test_the_feedback_period_is_a_per_area_setting(meeting, chair):
    from areas.selectors import settings_for
    from dsr.models import MeetingSettings

    settings = settings_for(MeetingSettings, area("thurrock").id)
    settings.feedback_working_days = 2
    settings.save()
    meeting, item = _closed_meeting_with_a_case(meeting, chair)
    item.refresh_from_db()
    assert item.feedback_due == add_working_days(meeting.held_on, 2)


def test_minutes_are_locked_once_closed(meeting, chair):
    meeting, item = _closed_meeting_with_a_case(meeting, chair)
    item.meeting = meeting
    with pytest.raises(ValidationError, match="locked"):
        services.action_add(item=item, description="Late", due_on=TODAY, owner=chair, created_by=chair)
    with pytest.raises(ValidationError, match="locked"):
        services.agenda_build(meeting=meeting, built_by=chair)
    with pytest.raises(ValidationError):
        services.meeting_start(meeting=meeting, started_by=chair)


def test_the_database_refuses_changes_to_closed_minutes_whatever_the_code(meeting, chair):
    meeting, item = _closed_meeting_with_a_case(meeting, chair)
    for statement, key in (
        ("UPDATE dsr_agendaitem SET notes = 'rewritten' WHERE id = %s", item.id),
        ("UPDATE dsr_meetingaction SET description = 'rewritten' WHERE item_id = %s", item.id),
        ("UPDATE dsr_meeting SET status = 'in_progress' WHERE id = %s", meeting.id),
        ("DELETE FROM dsr_meetingattendee WHERE meeting_id = %s", meeting.id),
    ):
        with pytest.raises(DatabaseError, match=r"locked|cannot be changed"), transaction.atomic():
            connection.cursor().execute(statement, [key])


def test_action_progress_continues_after_the_close(meeting, chair):
    meeting, item = _closed_meeting_with_a_case(meeting, chair)
    action = item.actions.get()
    services.action_set_status(action=action, status="done", note="School called")
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", TODAY)


def test_corrections_after_the_close_are_amendments(meeting, chair):
    with pytest.raises(ValidationError, match="still open"):
        services.amendment_add(meeting=meeting, text="Too early", made_by=chair)
    meeting, item = _closed_meeting_with_a_case(meeting, chair)
    amendment = services.amendment_add(meeting=meeting, item=item, text="The school is St Demo's", made_by=chair)
    item.refresh_from_db()
    assert item.notes == "Discussed"
    assert (amendment.person_id, amendment.text) == (item.person_id, "The school is St Demo's")


def test_feedback_is_recorded_once_per_recipient(meeting, chair):
    meeting, item = _closed_meeting_with_a_case(meeting, chair)
    services.feedback_record(item=item, recipient="family", given_on=TODAY, method="phone", recorded_by=chair)
    with pytest.raises(ValidationError, match="already recorded"):
        services.feedback_record(item=item, recipient="family", given_on=TODAY, method="letter", recorded_by=chair)
    with pytest.raises(ValidationError, match="before the meeting"):
        services.feedback_record(
            item=item,
            recipient="referrer",
            given_on=meeting.held_on - timedelta(days=1),
            method="email",
            recorded_by=chair,
        )
