"""C(E)TR services against the real database: deadlines from area settings, the rules that
refuse bad records, the follow-up log and escalation, and LAEP meetings never counting."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.utils import ProgrammingError

from cetr import selectors
from cetr.models import ActionStatus, ActionUpdate, PanelRole, Review, Variant
from cetr.services.actions import action_escalate, action_update, escalation_record_outcome, recommendation_add
from cetr.services.meetings import emergency_meeting_record, root_cause_review_record
from cetr.services.panel import panel_member_add
from cetr.services.reviews import review_cancel, review_record
from cetr.services.settings import cetr_settings_update
from dsr.services.transfers import transfer_accept, transfer_request
from tests.cetr.factories import TODAY, action, admit, held_review, register_entry, review, staff
from tests.factories import area


def test_a_childs_post_admission_review_gets_the_working_day_deadline():
    child = register_entry(date_of_birth=date(2012, 5, 17)).person
    episode = admit(child, admitted_on=date(2025, 12, 23))
    made = review(child, kind="post_admission", requested_on=date(2025, 12, 23))
    assert (made.episode, made.due_by, made.variant) == (episode, date(2026, 1, 2), Variant.CETR)


def test_the_deadline_follows_each_areas_own_setting():
    cetr_settings_update(area=area("thurrock"), user=None, post_admission_child_working_days=10)
    thurrock_child = register_entry("thurrock", date_of_birth=date(2012, 5, 17)).person
    newham_child = register_entry("newham", date_of_birth=date(2012, 5, 17)).person
    for child in (thurrock_child, newham_child):
        admit(child, admitted_on=date(2025, 4, 11))
    thurrock = review(thurrock_child, kind="post_admission", requested_on=date(2025, 4, 11))
    newham = review(newham_child, kind="post_admission", requested_on=date(2025, 4, 11))
    assert (thurrock.due_by, newham.due_by) == (date(2025, 4, 29), date(2025, 4, 22))


def test_an_adult_without_an_ehc_plan_gets_a_ctr_with_the_four_week_deadline():
    adult = register_entry(date_of_birth=date(2003, 1, 1)).person
    admit(adult, admitted_on=date(2025, 6, 2), secure=True)
    made = review(adult, kind="post_admission", requested_on=date(2025, 6, 2))
    assert (made.variant, made.due_by) == (Variant.CTR, date(2025, 6, 30))


def test_a_repeat_review_is_due_an_interval_after_the_last_one_held():
    adult = register_entry(date_of_birth=date(2003, 1, 1)).person
    admit(adult, admitted_on=TODAY - timedelta(days=100), secure=True)
    held_review(adult, kind="post_admission", held_on=TODAY - timedelta(days=80))
    repeat = review(adult, kind="inpatient_repeat", requested_on=TODAY)
    assert repeat.due_by == TODAY - timedelta(days=80) + relativedelta(months=12)  # adult, secure


def test_an_inpatient_review_needs_a_current_admission():
    person = register_entry().person
    with pytest.raises(ValidationError, match="No current admission"):
        review(person, kind="post_admission")


def test_a_community_review_is_refused_for_an_inpatient():
    person = register_entry().person
    admit(person)
    with pytest.raises(ValidationError, match="is an inpatient"):
        review(person, kind="community")


def test_a_triggered_review_says_what_triggered_it():
    person = register_entry().person
    with pytest.raises(ValidationError, match="Say what triggered"):
        review(person, kind="triggered_diagnosis")


def test_a_review_cannot_be_held_in_the_future_or_report_before_it_is_held():
    made = review(register_entry().person)
    with pytest.raises(ValidationError) as refused:
        review_record(review=made, held_on=TODAY + timedelta(days=1), report_issued_on=TODAY)
    assert set(refused.value.message_dict) == {"held_on", "report_issued_on"}
    with pytest.raises(ValidationError) as refused:
        review_record(review=made, report_issued_on=TODAY)
    assert "report_issued_on" in refused.value.message_dict


def test_a_held_review_cannot_be_cancelled():
    made = held_review(register_entry().person)
    with pytest.raises(ValidationError, match="has been held"):
        review_cancel(review=made, reason="x", cancelled_on=TODAY)


def test_a_panel_has_one_chair_and_others_name_their_role():
    made = review(register_entry().person)
    panel_member_add(review=made, role=PanelRole.CHAIR, name="Casey")
    with pytest.raises(ValidationError, match="already has a chair"):
        panel_member_add(review=made, role=PanelRole.CHAIR, name="Jo")
    with pytest.raises(ValidationError, match="role on the panel"):
        panel_member_add(review=made, role=PanelRole.OTHER, name="Jo")
    with pytest.raises(ValidationError, match="Keyworking account"):
        panel_member_add(review=made, role=PanelRole.CLINICAL_EXPERT, name="Dr Jo", papers_access=True)


def test_recommendations_come_after_the_review_is_held():
    with pytest.raises(ValidationError, match="held"):
        recommendation_add(review=review(register_entry().person), text="Something")


def test_an_action_is_done_only_with_evidence_and_every_update_is_logged():
    made = action()
    with pytest.raises(ValidationError) as refused:
        action_update(action=made, note="Finished", status=ActionStatus.DONE, recorded_by=staff())
    assert "evidence" in refused.value.message_dict
    action_update(action=made, note="Started", status=ActionStatus.IN_PROGRESS, recorded_by=staff())
    action_update(action=made, note="Finished", status=ActionStatus.DONE, evidence="Letter sent", recorded_by=staff())
    made.refresh_from_db()
    assert (made.status, made.completed_on) == (ActionStatus.DONE, TODAY)
    log = list(made.updates.order_by("recorded_at", "id").values_list("status_from", "status_to"))
    assert log == [("open", "in_progress"), ("in_progress", "done")]


def test_the_follow_up_log_cannot_be_edited():
    made = action()
    action_update(action=made, note="Chased", recorded_by=staff())
    update = ActionUpdate.objects.get()
    with pytest.raises(ProgrammingError, match="permission denied"), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE cetr_actionupdate SET note = 'changed' WHERE id = %s", [update.id])


def test_escalation_goes_to_the_areas_oversight_panel_and_records_its_outcome():
    cetr_settings_update(area=area("thurrock"), user=None, oversight_panel_name="SET LDA panel")
    made = action(due_on=TODAY - timedelta(days=3))
    escalation = action_escalate(action=made, reason="No reply", escalated_on=TODAY, escalated_by=staff())
    made.refresh_from_db()
    assert (made.status, escalation.panel_name) == (ActionStatus.ESCALATED, "SET LDA panel")
    with pytest.raises(ValidationError, match="oversight panel"):
        action_update(action=made, note="x", status=ActionStatus.OPEN, recorded_by=staff())
    escalation_record_outcome(
        escalation=escalation,
        outcome="Funding agreed",
        outcome_on=TODAY,
        new_status=ActionStatus.IN_PROGRESS,
        recorded_by=staff(),
    )
    made.refresh_from_db()
    assert made.status == ActionStatus.IN_PROGRESS
    assert made.updates.first().note == "Outcome from SET LDA panel: Funding agreed"
    assert made.updates.first().status_from == ActionStatus.ESCALATED


def test_an_admission_without_a_community_review_is_flagged_even_after_a_laep_meeting():
    person = register_entry().person
    emergency_meeting_record(
        person=person, kind="laep", held_on=TODAY - timedelta(days=5), outcome="Admission agreed", recorded_by=staff()
    )
    emergency_meeting_record(
        person=person, kind="blue_light", held_on=TODAY - timedelta(days=4), outcome="Same", recorded_by=staff()
    )
    episode = admit(person, admitted_on=TODAY - timedelta(days=2))
    flagged = selectors.flagged_admissions(area("thurrock"))
    assert [item.episode for item in flagged] == [episode]


def test_a_community_review_before_admission_means_no_flag_and_no_root_cause_review():
    person = register_entry().person
    held_review(person, held_on=TODAY - timedelta(days=20))
    episode = admit(person, admitted_on=TODAY - timedelta(days=2))
    assert selectors.flagged_admissions(area("thurrock")) == []
    with pytest.raises(ValidationError, match="no root-cause review is needed"):
        root_cause_review_record(
            episode=episode,
            reviewed_on=TODAY,
            why_no_community_review="-",
            findings="-",
            learning="-",
            recorded_by=staff(),
        )


def test_a_recorded_root_cause_review_takes_the_admission_off_the_outstanding_list():
    episode = admit(register_entry().person, admitted_on=TODAY - timedelta(days=2))
    root_cause_review_record(
        episode=episode,
        reviewed_on=TODAY,
        why_no_community_review="Crisis out of hours",
        findings="A&E at night",
        learning="Out-of-hours route to request a CETR",
        recorded_by=staff(),
    )
    assert selectors.flagged_admissions(area("thurrock")) == []
    assert [item.episode for item in selectors.flagged_admissions(area("thurrock"), outstanding_only=False)] == [
        episode
    ]


def test_laep_and_blue_light_meetings_are_never_counted_as_cetrs():
    person = register_entry().person
    held_review(person, held_on=TODAY - timedelta(days=10))
    for kind in ("laep", "blue_light", "laep"):
        emergency_meeting_record(person=person, kind=kind, held_on=TODAY, outcome="Decided", recorded_by=staff())
    counts = selectors.review_counts([area("thurrock").id], since=TODAY - timedelta(days=365))
    assert (counts["total"], counts["emergency_meetings"]) == (1, 3)
    assert sum(n for _, n in counts["by_kind"]) == 1
    assert Review.objects.count() == 1


def test_a_transfer_moves_the_persons_reviews_and_actions_with_them():
    made = action()
    person = made.person
    transfer = transfer_request(person=person, destination=area("newham"), reason="Moved", requested_by=staff())
    transfer_accept(transfer=transfer, decided_by=staff())
    made.refresh_from_db()
    review_ = made.recommendation.review
    review_.refresh_from_db()
    assert made.area == review_.area == area("newham")
    assert review_.panel.model.objects.filter(area=area("thurrock")).count() == 0
