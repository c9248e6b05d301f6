"""Recording events through the register API: the person page's services, capabilities and
field errors (400, nothing written), other areas' records 404, bearer tokens too."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tokens import api_token_create
from dsr.models import ConsentRecord, InpatientEpisode, Rating, RatingChange, RegisterEntry
from dsr.models.entry import EntryStatus
from dsr.services.entries import entry_remove
from dsr.services.episodes import episode_admit
from tests.factories import entry, person, sign_in

PEOPLE = "/api/v1/people/"
ENTRIES = "/api/v1/register-entries/"
TODAY = timezone.localdate()


@pytest.fixture
def api(api_client, dsr_holder_thurrock):
    return sign_in(api_client, dsr_holder_thurrock)


def _post(client, url, data):
    return client.post(url, data, format="json")


def _rating(**overrides):
    return {"rating": "red", "reason": "Placement at risk", "decided_on": str(TODAY)} | overrides


def test_a_rating_decision_is_recorded_by_the_caller_and_becomes_the_current_rating(api, dsr_holder_thurrock):
    opened = entry(rating=Rating.GREEN)
    response = _post(api, f"{ENTRIES}{opened.id}/ratings/", _rating())
    assert response.status_code == 201
    assert response.json()["rating"] == "red"
    assert response.json()["decided_by"] == dsr_holder_thurrock.username
    opened.refresh_from_db()
    assert opened.current_rating == Rating.RED
    assert opened.last_reviewed_on == TODAY


def test_a_rating_without_a_reason_answers_400_and_writes_nothing(api):
    opened = entry(rating=Rating.GREEN)
    response = _post(api, f"{ENTRIES}{opened.id}/ratings/", _rating(reason=" ", rating="purple"))
    assert response.status_code == 400
    assert {"reason", "rating"} <= set(response.json())
    assert RatingChange.objects.filter(entry=opened).count() == 1


def test_a_broken_rating_rule_answers_400_on_its_field(api, dsr_holder_thurrock):
    opened = entry(rating=Rating.AMBER)
    episode_admit(
        person=opened.person,
        admitted_on=TODAY - timedelta(days=5),
        hospital="H",
        section="s2",
        recorded_by=dsr_holder_thurrock,
    )
    discharged = _post(api, f"{ENTRIES}{opened.id}/discharge/", {"discharged_on": str(TODAY), "destination": "Home"})
    assert discharged.status_code == 200
    response = _post(api, f"{ENTRIES}{opened.id}/ratings/", _rating(rating="green"))
    assert response.status_code == 400
    assert "held at red" in response.json()["rating"][0]
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.RED


def test_mdt_chairs_rate_but_do_not_keep_the_register(api_client, chair_thurrock):
    opened = entry(rating=Rating.GREEN)
    chair = sign_in(api_client, chair_thurrock)
    assert _post(chair, f"{ENTRIES}{opened.id}/ratings/", _rating()).status_code == 201
    consent = {"basis": "parental", "given_by": "Parent", "recorded_on": str(TODAY)}
    assert _post(chair, f"{ENTRIES}{opened.id}/consents/", consent).status_code == 404
    assert not ConsentRecord.objects.filter(entry=opened).exists()


def test_keyworkers_are_refused_as_if_the_entry_were_not_there(api_client, keyworker_thurrock):
    opened = entry(rating=Rating.GREEN)
    keyworker = sign_in(api_client, keyworker_thurrock)
    assert _post(keyworker, f"{ENTRIES}{opened.id}/ratings/", _rating()).status_code == 404
    assert RatingChange.objects.filter(entry=opened).count() == 1


def test_consent_is_recorded_with_its_recheck_date(api):
    opened = entry()
    response = _post(
        api,
        f"{ENTRIES}{opened.id}/consents/",
        {"basis": "parental", "given_by": "Mum", "relationship": "Mother", "recorded_on": str(TODAY)},
    )
    assert response.status_code == 201
    assert response.json()["review_due"] == str(TODAY + timedelta(days=365))
    assert ConsentRecord.objects.get(entry=opened).given_by == "Mum"


def test_a_consent_basis_wrong_for_the_age_answers_400_and_writes_nothing(api):
    opened = entry(date_of_birth=TODAY.replace(year=TODAY.year - 10))
    response = _post(
        api,
        f"{ENTRIES}{opened.id}/consents/",
        {"basis": "best_interests", "given_by": "Mum", "recorded_on": str(TODAY)},
    )
    assert response.status_code == 400
    assert "from 16" in response.json()["basis"][0]
    assert not ConsentRecord.objects.filter(entry=opened).exists()


def test_a_withdrawal_flags_the_entry_for_removal(api):
    opened = entry()
    response = _post(
        api, f"{ENTRIES}{opened.id}/consent-withdrawals/", {"withdrawn_by": "Dad", "recorded_on": str(TODAY)}
    )
    assert response.status_code == 201
    assert response.json()["kind"] == ConsentRecord.Kind.WITHDRAWN
    assert RegisterEntry.objects.get(pk=opened.pk).flagged_for_removal


def test_an_admission_makes_the_entry_blue_and_a_discharge_holds_the_post_discharge_rating(api):
    opened = entry(rating=Rating.AMBER)
    admitted = _post(
        api,
        f"{PEOPLE}{opened.person_id}/admissions/",
        {"admitted_on": str(TODAY), "hospital": "St Elsewhere", "section": "s3"},
    )
    assert admitted.status_code == 201
    assert admitted.json()["hospital"] == "St Elsewhere"
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.BLUE
    discharged = _post(api, f"{ENTRIES}{opened.id}/discharge/", {"discharged_on": str(TODAY), "destination": "Home"})
    assert discharged.status_code == 200
    assert discharged.json()["discharged_on"] == str(TODAY)
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.RED
    assert RatingChange.objects.filter(entry=opened, held_until=TODAY + timedelta(days=14)).exists()


def test_an_admission_puts_someone_not_on_the_register_on_it(api):
    someone = person()
    response = _post(
        api, f"{PEOPLE}{someone.id}/admissions/", {"admitted_on": str(TODAY), "hospital": "H", "section": "informal"}
    )
    assert response.status_code == 201
    assert RegisterEntry.objects.get(person=someone).status == EntryStatus.ACTIVE


def test_a_discharge_before_the_admission_answers_400_and_writes_nothing(api, dsr_holder_thurrock):
    opened = entry()
    episode_admit(person=opened.person, admitted_on=TODAY, hospital="H", section="s2", recorded_by=dsr_holder_thurrock)
    response = _post(
        api,
        f"{ENTRIES}{opened.id}/discharge/",
        {"discharged_on": str(TODAY - timedelta(days=1)), "destination": "Home"},
    )
    assert response.status_code == 400
    assert "discharged_on" in response.json()
    assert InpatientEpisode.objects.get(entry=opened).discharged_on is None
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.BLUE


def test_a_discharge_without_an_admission_answers_404(api):
    opened = entry()
    assert (
        _post(api, f"{ENTRIES}{opened.id}/discharge/", {"discharged_on": str(TODAY), "destination": "Home"}).status_code
        == 404
    )


def test_a_second_admission_answers_400(api, dsr_holder_thurrock):
    opened = entry()
    episode_admit(person=opened.person, admitted_on=TODAY, hospital="H", section="s2", recorded_by=dsr_holder_thurrock)
    response = _post(
        api, f"{PEOPLE}{opened.person_id}/admissions/", {"admitted_on": str(TODAY), "hospital": "H2", "section": "s2"}
    )
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert InpatientEpisode.objects.filter(person=opened.person).count() == 1


def test_removal_with_a_reason_and_return_to_the_register(api):
    opened = entry()
    removed = _post(api, f"{ENTRIES}{opened.id}/remove/", {"removal_reason": "risk_reduced", "removed_on": str(TODAY)})
    assert removed.status_code == 200
    assert removed.json()["status"] == EntryStatus.REMOVED
    assert removed.json()["removal_reason"] == "risk_reduced"
    assert _post(api, f"{ENTRIES}{opened.id}/ratings/", _rating()).status_code == 404
    returned = _post(api, f"{PEOPLE}{opened.person_id}/return/", {"status": "referred"})
    assert returned.status_code == 201
    assert returned.json()["id"] != opened.id
    assert RegisterEntry.objects.get(pk=returned.json()["id"]).status == EntryStatus.REFERRED


def test_removal_for_another_reason_needs_the_detail(api):
    opened = entry()
    response = _post(api, f"{ENTRIES}{opened.id}/remove/", {"removal_reason": "other", "removed_on": str(TODAY)})
    assert response.status_code == 400
    assert "removal_detail" in response.json()
    assert RegisterEntry.objects.get(pk=opened.pk).is_open


def test_returning_someone_already_on_the_register_answers_400(api):
    opened = entry()
    response = _post(api, f"{PEOPLE}{opened.person_id}/return/", {"status": "referred"})
    assert response.status_code == 400
    assert RegisterEntry.objects.filter(person=opened.person).count() == 1


def test_dates_a_service_cannot_count_from_answer_400(api):
    opened = entry()
    response = _post(
        api, f"{ENTRIES}{opened.id}/consents/", {"basis": "parental", "given_by": "Mum", "recorded_on": "9999-12-31"}
    )
    assert response.status_code == 400
    assert "recorded_on" in response.json()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("ratings/", {"rating": "red", "reason": "R", "decided_on": str(TODAY)}),
        ("consents/", {"basis": "parental", "given_by": "Mum", "recorded_on": str(TODAY)}),
        ("consent-withdrawals/", {"withdrawn_by": "Mum", "recorded_on": str(TODAY)}),
        ("remove/", {"removal_reason": "died", "removed_on": str(TODAY)}),
        ("discharge/", {"discharged_on": str(TODAY), "destination": "Home"}),
    ],
)
def test_another_areas_entry_answers_404_and_is_untouched(api, dsr_holder_newham, path, data):
    other = entry("newham", rating=Rating.GREEN)
    episode_admit(person=other.person, admitted_on=TODAY, hospital="H", section="s2", recorded_by=dsr_holder_newham)
    before = RegisterEntry.objects.get(pk=other.pk)
    assert _post(api, f"{ENTRIES}{other.id}/{path}", data).status_code == 404
    after = RegisterEntry.objects.get(pk=other.pk)
    assert (after.version, after.status, after.current_rating) == (before.version, before.status, before.current_rating)
    assert ConsentRecord.objects.filter(entry=other).count() == 0


@pytest.mark.parametrize(
    ("path", "data"),
    [("admissions/", {"admitted_on": str(TODAY), "hospital": "H", "section": "s2"}), ("return/", {"status": "active"})],
)
def test_another_areas_person_answers_404(api, path, data):
    other = entry("newham")
    entry_remove(entry=other, reason="died")
    assert _post(api, f"{PEOPLE}{other.person_id}/{path}", data).status_code == 404
    assert RegisterEntry.objects.filter(person_id=other.person_id).count() == 1


def test_events_are_recorded_with_a_bearer_token(api_client, dsr_holder_thurrock):
    opened = entry(rating=Rating.GREEN)
    _, raw = api_token_create(user=dsr_holder_thurrock, name="events")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert _post(api_client, f"{ENTRIES}{opened.id}/ratings/", _rating(rating="amber")).status_code == 201
    assert RegisterEntry.objects.get(pk=opened.pk).current_rating == Rating.AMBER


def test_anonymous_callers_record_nothing(api_client):
    opened = entry(rating=Rating.GREEN)
    assert _post(api_client, f"{ENTRIES}{opened.id}/ratings/", _rating()).status_code in (401, 403)
    assert RatingChange.objects.filter(entry=opened).count() == 1
