"""`/api/v1/meetings/`, `/api/v1/allocations/`, `/api/v1/contacts/`, `/api/v1/goals/`: scoped to
the caller, writes through the services with the same messages."""

from django.utils import timezone

from audit.models import AccessLogEntry
from dsr.meetings import services
from dsr.models import Allocation
from keyworking.services.contacts import contact_record
from tests.factories import area, sign_in
from tests.keyworking.factories import TODAY, allocated, eligible_entry


def _as(api_client, user):
    """Signed in through the real stack (session with MFA), so row-level scope applies."""
    api_client.logout()
    return sign_in(api_client, user)


def test_meetings_are_listed_for_the_callers_areas_only(api_client, chair, chair_newham):
    services.meeting_plan(area=area("thurrock"), held_on=TODAY, chair=chair, planned_by=chair)
    assert len(_as(api_client, chair).get("/api/v1/meetings/").json()["results"]) == 1
    assert _as(api_client, chair_newham).get("/api/v1/meetings/").json()["results"] == []


def test_a_meeting_in_another_area_is_404(api_client, chair, chair_newham):
    meeting = services.meeting_plan(area=area("thurrock"), held_on=TODAY, chair=chair, planned_by=chair)
    assert _as(api_client, chair_newham).get(f"/api/v1/meetings/{meeting.pk}/").status_code == 404


def test_the_meeting_api_shows_cases_and_logs_the_read(api_client, chair):
    case = eligible_entry()
    meeting = services.meeting_plan(area=area("thurrock"), held_on=TODAY, chair=chair, planned_by=chair)
    services.agenda_build(meeting=meeting, built_by=chair)
    body = _as(api_client, chair).get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert [item["person"] for item in body["items"]] == [case.person_id]
    assert AccessLogEntry.objects.get(kind="api").person_ids == [case.person_id]


def test_a_chair_allocates_through_the_api_and_a_second_attempt_is_400(api_client, chair, keyworker, other_keyworker):
    case = eligible_entry()
    client = _as(api_client, chair)
    response = client.post("/api/v1/allocations/", {"entry": case.pk, "keyworker": keyworker.pk}, format="json")
    assert response.status_code == 201
    assert response.json()["waiting_days"] == 30
    response = client.post("/api/v1/allocations/", {"entry": case.pk, "keyworker": other_keyworker.pk}, format="json")
    assert response.status_code == 400
    assert "by someone else" in str(response.json())
    assert Allocation.objects.count() == 1


def test_allocating_in_another_area_is_refused(api_client, chair_newham, keyworker):
    case = eligible_entry()
    response = _as(api_client, chair_newham).post(
        "/api/v1/allocations/", {"entry": case.pk, "keyworker": keyworker.pk}, format="json"
    )
    assert response.status_code == 400
    assert "entry" in response.json()


def test_keyworkers_see_only_their_own_allocations_and_contacts(api_client, keyworker, other_keyworker):
    mine = allocated(eligible_entry(given_name="Mine"), keyworker)
    theirs = allocated(eligible_entry(given_name="Theirs"), other_keyworker)
    for allocation, author in ((mine, keyworker), (theirs, other_keyworker)):
        contact_record(
            allocation=allocation,
            author=author,
            occurred_at=timezone.now(),
            mode="phone",
            with_whom=["young_person"],
            duration_minutes=5,
        )
    client = _as(api_client, keyworker)
    assert [row["id"] for row in client.get("/api/v1/allocations/").json()["results"]] == [mine.pk]
    assert [row["allocation"] for row in client.get("/api/v1/contacts/").json()["results"]] == [mine.pk]
    assert client.get(f"/api/v1/allocations/{theirs.pk}/").status_code == 404


def test_a_keyworker_logs_a_contact_and_a_goal_through_the_api(api_client, keyworker):
    case = allocated(eligible_entry(), keyworker)
    client = _as(api_client, keyworker)
    response = client.post(
        "/api/v1/contacts/",
        {
            "allocation": case.pk,
            "occurred_at": timezone.now().isoformat(),
            "mode": "video",
            "with_whom": ["parent_carer"],
            "duration_minutes": 20,
            "activities": ["information"],
            "notes": "Leaflets",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    response = client.post("/api/v1/goals/", {"allocation": case.pk, "description": "Join a club"}, format="json")
    assert response.status_code == 201
    assert client.get("/api/v1/goals/").json()["results"][0]["description"] == "Join a club"


def test_bad_contact_input_is_400_with_field_errors(api_client, keyworker):
    case = allocated(eligible_entry(), keyworker)
    response = _as(api_client, keyworker).post(
        "/api/v1/contacts/", {"allocation": case.pk, "mode": "carrier pigeon", "with_whom": []}, format="json"
    )
    assert response.status_code == 400
    assert {"mode", "with_whom", "occurred_at", "duration_minutes"} <= set(response.json())


def test_a_keyworker_cannot_log_on_another_keyworkers_case(api_client, keyworker, other_keyworker):
    theirs = allocated(eligible_entry(), other_keyworker)
    response = _as(api_client, keyworker).post(
        "/api/v1/contacts/",
        {
            "allocation": theirs.pk,
            "occurred_at": timezone.now().isoformat(),
            "mode": "phone",
            "with_whom": ["parent_carer"],
            "duration_minutes": 20,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "allocation" in response.json()
