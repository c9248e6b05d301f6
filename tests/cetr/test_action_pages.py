"""Following up actions: the area's lists (due soon, overdue, escalated, by owner), the
keyworker's caseload list, the action page with its log, updates and escalation."""

from datetime import timedelta

import pytest
from django.urls import reverse

from areas.roles import Role
from cetr.models import ActionStatus, Escalation
from cetr.services.actions import action_escalate
from cetr.services.settings import cetr_settings_update
from tests.cetr.factories import TODAY, action, allocate, register_entry, staff
from tests.factories import area, user_with_roles

ACTIONS = reverse("cetr:area-actions", args=["thurrock"])
CASELOAD = reverse("cetr:caseload-actions")


def _action_url(made):
    return reverse("cetr:action", args=[made.pk])


@pytest.fixture
def listed():
    """One action in each state the lists separate."""
    return {
        "soon": action(description="Soon action", due_on=TODAY + timedelta(days=3)),
        "later": action(description="Later action", due_on=TODAY + timedelta(days=60)),
        "overdue": action(description="Overdue action", due_on=TODAY - timedelta(days=1), owner_name="Lee Late"),
        "escalated": _escalated(action(description="Escalated action", due_on=TODAY - timedelta(days=9))),
    }


def _escalated(made):
    action_escalate(action=made, reason="Stuck", escalated_on=TODAY, escalated_by=staff())
    return made


@pytest.mark.parametrize(
    ("show", "expected"),
    [
        ("due_soon", {"Soon action"}),
        ("overdue", {"Overdue action", "Escalated action"}),
        ("escalated", {"Escalated action"}),
        ("unresolved", {"Soon action", "Later action", "Overdue action", "Escalated action"}),
    ],
)
def test_the_area_lists_split_actions_by_when_they_are_due(signed_in, coordinator, listed, show, expected):
    page = signed_in(coordinator).get(ACTIONS, {"list": show}).content.decode()
    assert {name for name in ("Soon action", "Later action", "Overdue action", "Escalated action") if name in page} == (
        expected
    )


def test_due_soon_follows_the_areas_setting(signed_in, coordinator, listed):
    cetr_settings_update(area=area("thurrock"), user=None, action_due_soon_days=90)
    page = signed_in(coordinator).get(ACTIONS, {"list": "due_soon"}).content.decode()
    assert "Later action" in page


def test_the_list_for_one_owner(signed_in, coordinator, listed):
    page = signed_in(coordinator).get(ACTIONS, {"owner": "lee late"}).content.decode()
    assert "Overdue action" in page
    assert "Soon action" not in page


def test_the_owners_summary_counts_overdue_actions(signed_in, coordinator, listed):
    page = signed_in(coordinator).get(reverse("cetr:owners", args=["thurrock"])).content.decode()
    assert "Lee Late" in page


def test_another_areas_coordinator_sees_none_of_it(signed_in, coordinator_newham, listed):
    client = signed_in(coordinator_newham)
    assert client.get(ACTIONS).status_code == 404
    assert client.get(_action_url(listed["soon"])).status_code == 404
    assert client.post(_action_url(listed["soon"]), {"status": "in_progress", "note": "x"}).status_code == 404


def test_the_area_list_query_count_is_fixed(signed_in, coordinator, django_assert_num_queries):
    client = signed_in(coordinator)
    action()
    with django_assert_num_queries(16):
        client.get(ACTIONS)
    for _ in range(4):
        action()
    with django_assert_num_queries(16):
        client.get(ACTIONS)


def test_a_keyworker_sees_only_their_caseloads_actions(signed_in, keyworker):
    mine, theirs = action(description="Mine to chase"), action(description="Not my caseload")
    allocate(mine.person, keyworker)
    client = signed_in(keyworker)
    page = client.get(CASELOAD).content.decode()
    assert "Mine to chase" in page
    assert "Not my caseload" not in page
    assert client.get(_action_url(mine)).status_code == 200
    assert client.get(_action_url(theirs)).status_code == 404
    assert client.get(ACTIONS).status_code == 404


def test_a_keyworker_records_a_follow_up_on_their_caseloads_action(signed_in, keyworker):
    mine = action()
    allocate(mine.person, keyworker)
    response = signed_in(keyworker).post(
        _action_url(mine), {"status": ActionStatus.DONE, "evidence": "Plan agreed", "note": "Met the school"}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.updates.get().recorded_by) == (ActionStatus.DONE, keyworker)


def test_a_keyworker_cannot_escalate(signed_in, keyworker):
    mine = action()
    allocate(mine.person, keyworker)
    response = signed_in(keyworker).post(
        reverse("cetr:action-escalate", args=[mine.pk]), {"reason": "x", "escalated_on": TODAY.isoformat()}
    )
    assert response.status_code == 404
    assert not Escalation.objects.exists()


def test_a_keyworker_of_another_area_does_not_see_an_allocated_persons_actions_there(signed_in):
    mine = action()
    newham_keyworker = user_with_roles("kw.newham", {"newham": [Role.KEYWORKER]})
    allocate(mine.person, newham_keyworker)  # a stray allocation: the role is what counts
    assert "Do a synthetic thing" not in signed_in(newham_keyworker).get(CASELOAD).content.decode()


def test_done_without_evidence_answers_400_with_the_reason(signed_in, coordinator):
    made = action()
    response = signed_in(coordinator).post(_action_url(made), {"status": ActionStatus.DONE, "note": "Done"})
    assert response.status_code == 400
    assert "Give the evidence that the action is done" in response.content.decode()


def test_the_coordinator_escalates_and_records_the_panels_outcome(signed_in, coordinator):
    made = action(due_on=TODAY - timedelta(days=5))
    client = signed_in(coordinator)
    client.post(reverse("cetr:action-escalate", args=[made.pk]), {"reason": "No reply", "escalated_on": TODAY})
    escalation = Escalation.objects.get()
    assert escalation.panel_name == "ICS oversight panel"
    response = client.post(
        reverse("cetr:escalation-outcome", args=[escalation.pk]),
        {"outcome": "Provider told to act", "outcome_on": TODAY, "new_status": ActionStatus.IN_PROGRESS},
    )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == ActionStatus.IN_PROGRESS
    assert "Provider told to act" in client.get(_action_url(made)).content.decode()


def test_the_action_page_query_count_is_fixed(signed_in, coordinator, django_assert_num_queries):
    from cetr.services.actions import action_update

    made = action()
    action_update(action=made, note="First", recorded_by=staff())
    client = signed_in(coordinator)
    with django_assert_num_queries(17):
        client.get(_action_url(made))
    for n in range(4):
        action_update(action=made, note=f"Chase {n}", recorded_by=user_with_roles(f"chaser{n}"))
    with django_assert_num_queries(17):
        client.get(_action_url(made))


def test_the_caseload_list_query_count_is_fixed(signed_in, keyworker, django_assert_num_queries):
    client = signed_in(keyworker)
    allocate(action().person, keyworker)
    with django_assert_num_queries(16):
        client.get(CASELOAD)
    for _ in range(3):
        allocate(action(register_entry().person).person, keyworker)
    with django_assert_num_queries(16):
        client.get(CASELOAD)
