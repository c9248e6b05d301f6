"""/api/v1/cetrs/ and /api/v1/cetr-actions/: scoped by area (and caseload), cursor-paginated,
400 with field errors, every read logged."""

from datetime import timedelta

from accounts.tokens import api_token_create
from audit.models import AccessLogEntry
from cetr.api import NewestFirst
from cetr.models import ActionStatus, Review
from cetr.services.meetings import emergency_meeting_record
from tests.cetr.factories import TODAY, action, admit, allocate, register_entry, review, staff
from tests.factories import sign_in

CETRS = "/api/v1/cetrs/"
ACTIONS = "/api/v1/cetr-actions/"


def test_the_list_has_the_callers_areas_reviews_only_and_never_laep_meetings(client, coordinator):
    mine = review(register_entry().person)
    review(register_entry("newham").person)
    emergency_meeting_record(person=mine.person, kind="laep", held_on=TODAY, outcome="x", recorded_by=staff())
    body = sign_in(client, coordinator).get(CETRS).json()
    assert [row["id"] for row in body["results"]] == [mine.pk]
    assert body["results"][0]["variant"] == "cetr"
    assert AccessLogEntry.objects.filter(kind="api", record_type="C(E)TR", record_ids=[mine.pk]).exists()


def test_another_areas_review_answers_404(client, coordinator_newham):
    made = review(register_entry().person)
    assert sign_in(client, coordinator_newham).get(f"{CETRS}{made.pk}/").status_code == 404


def test_a_bearer_token_reads_too(client, coordinator):
    made = review(register_entry().person)
    _, raw = api_token_create(user=coordinator, name="script", lifetime_days=1)
    response = client.get(f"{CETRS}{made.pk}/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.json()["status"] == "requested"


def test_results_are_cursor_paginated(client, coordinator, monkeypatch):
    for _ in range(3):
        review(register_entry().person)
    monkeypatch.setattr(NewestFirst, "page_size", 2)
    api = sign_in(client, coordinator)
    first = api.get(CETRS).json()
    assert len(first["results"]) == 2
    assert "cursor=" in first["next"]
    assert len(api.get(first["next"]).json()["results"]) == 1


def test_filters_by_kind(client, coordinator):
    person = register_entry().person
    admit(person)
    made = review(person, kind="post_admission")
    review(register_entry().person)
    body = sign_in(client, coordinator).get(CETRS, {"kind": "post_admission"}).json()
    assert [row["id"] for row in body["results"]] == [made.pk]


def test_a_coordinator_requests_a_review(client, coordinator):
    person = register_entry().person
    admit(person, admitted_on=TODAY - timedelta(days=1))
    response = sign_in(client, coordinator).post(
        CETRS, {"person": person.pk, "kind": "post_admission", "requested_on": TODAY.isoformat()}, "application/json"
    )
    assert response.status_code == 201
    assert response.json()["due_by"] is not None


def test_bad_input_answers_400_with_field_errors(client, coordinator):
    person = register_entry().person
    api = sign_in(client, coordinator)
    missing = api.post(CETRS, {"person": person.pk}, "application/json")
    assert missing.status_code == 400
    assert set(missing.json()) == {"kind", "requested_on"}
    broken_rule = api.post(
        CETRS, {"person": person.pk, "kind": "post_admission", "requested_on": TODAY.isoformat()}, "application/json"
    )
    assert broken_rule.status_code == 400
    assert "No current admission" in broken_rule.json()["kind"][0]


def test_another_areas_person_is_a_field_error_not_a_review(client, coordinator):
    outsider = register_entry("newham").person
    response = sign_in(client, coordinator).post(
        CETRS, {"person": outsider.pk, "kind": "community", "requested_on": TODAY.isoformat()}, "application/json"
    )
    assert response.status_code == 400
    assert "person" in response.json()
    assert not Review.objects.exists()


def test_only_coordinators_request_reviews(client, dsr_holder_thurrock):
    person = register_entry().person
    response = sign_in(client, dsr_holder_thurrock).post(
        CETRS, {"person": person.pk, "kind": "community", "requested_on": TODAY.isoformat()}, "application/json"
    )
    assert response.status_code == 403


def test_the_list_query_count_is_fixed(client, coordinator, django_assert_num_queries):
    api = sign_in(client, coordinator)
    review(register_entry().person)
    with django_assert_num_queries(15):
        api.get(CETRS)
    for _ in range(3):
        review(register_entry().person)
    with django_assert_num_queries(15):
        api.get(CETRS)


def test_a_keyworker_lists_and_follows_up_their_caseloads_actions(client, keyworker):
    mine, theirs = action(), action()
    allocate(mine.person, keyworker)
    api = sign_in(client, keyworker)
    assert [row["id"] for row in api.get(ACTIONS).json()["results"]] == [mine.pk]
    assert api.get(f"{ACTIONS}{theirs.pk}/").status_code == 404
    response = api.post(
        f"{ACTIONS}{mine.pk}/follow-up/", {"note": "Called the school", "new_status": "in_progress"}, "application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == ActionStatus.IN_PROGRESS


def test_a_follow_up_breaking_a_rule_answers_400_with_the_field(client, coordinator):
    made = action()
    response = sign_in(client, coordinator).post(
        f"{ACTIONS}{made.pk}/follow-up/", {"note": "Finished", "new_status": "done"}, "application/json"
    )
    assert response.status_code == 400
    assert "evidence" in response.json()


def test_readers_without_the_right_to_update_are_refused(client, dsr_holder_thurrock, coordinator_newham):
    made = action()
    payload = {"note": "x"}
    assert sign_in(client, dsr_holder_thurrock).post(f"{ACTIONS}{made.pk}/follow-up/", payload).status_code == 404
    assert sign_in(client, coordinator_newham).post(f"{ACTIONS}{made.pk}/follow-up/", payload).status_code == 404


def test_actions_filter_by_status_and_owner(client, coordinator):
    action(owner_name="Lee Late")
    wanted = action(owner_name="Pat Owner")
    body = sign_in(client, coordinator).get(ACTIONS, {"owner": "pat owner", "status": "open"}).json()
    assert [row["id"] for row in body["results"]] == [wanted.pk]


def test_the_actions_list_query_count_is_fixed(client, coordinator, django_assert_num_queries):
    api = sign_in(client, coordinator)
    action()
    with django_assert_num_queries(14):
        api.get(ACTIONS)
    for _ in range(3):
        action()
    with django_assert_num_queries(14):
        api.get(ACTIONS)
