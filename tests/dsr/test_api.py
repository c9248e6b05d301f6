"""The register API: scoped, filtered like the list page, cursor-paginated, audited, writes
through the services (400 with field errors; 409 for overlapping edits)."""

import pytest

from audit.models import AccessLogEntry
from dsr.models import Person, Rating, RegisterEntry
from dsr.services.episodes import episode_admit
from tests.factories import entry, person, sign_in

PEOPLE = "/api/v1/people/"
ENTRIES = "/api/v1/register-entries/"


@pytest.fixture
def api(api_client, dsr_holder_thurrock):
    return sign_in(api_client, dsr_holder_thurrock)


def test_entries_come_with_their_ratings_consents_and_episodes(api, dsr_holder_thurrock):
    opened = entry(rating=Rating.RED)
    episode_admit(
        person=opened.person, admitted_on=opened.added_on, hospital="H", section="s2", recorded_by=dsr_holder_thurrock
    )
    entry("newham", given_name="Hidden")
    body = api.get(ENTRIES).json()
    assert [row["id"] for row in body["results"]] == [opened.id]
    row = body["results"][0]
    assert row["current_rating"] == "blue"
    assert [r["rating"] for r in row["ratings"]] == ["blue", "red"]
    assert row["episodes"][0]["hospital"] == "H"
    assert "next" in body
    assert "previous" in body


def test_the_filters_match_the_list_page(api):
    entry(family_name="Redone", rating=Rating.RED)
    entry(family_name="Greenone", rating=Rating.GREEN)
    names = [row["person_name"] for row in api.get(ENTRIES, {"rating": "red"}).json()["results"]]
    assert names == ["Alex Redone"]
    assert [row["person_name"] for row in api.get(ENTRIES, {"q": "grenone"}).json()["results"]] == ["Alex Greenone"]


def test_bad_filters_answer_400_with_field_errors(api):
    response = api.get(ENTRIES, {"rating": "purple", "area": "newham"})
    assert response.status_code == 400
    assert "rating" in response.json()


def test_another_areas_entry_answers_404(api):
    other = entry("newham")
    assert api.get(f"{ENTRIES}{other.id}/").status_code == 404
    assert api.get(f"{PEOPLE}{other.person_id}/").status_code == 404


def test_cursor_pagination_walks_every_entry_once(api):
    made = {entry(family_name=f"P{number}", nhs_number=None).id for number in range(5)}
    seen, url = [], f"{ENTRIES}?page_size=2"
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(made)


def test_reads_are_access_logged(api, dsr_holder_thurrock):
    opened = entry()
    api.get(ENTRIES)
    api.get(f"{PEOPLE}{opened.person_id}/")
    kinds = set(AccessLogEntry.objects.filter(user=dsr_holder_thurrock).values_list("kind", "record_type"))
    assert kinds == {("api", "register entry"), ("api", "person")}


def test_a_person_is_created_through_the_service(api):
    response = api.post(
        PEOPLE,
        {
            "area": "thurrock",
            "given_name": "Api",
            "family_name": "Person",
            "date_of_birth": "2012-01-01",
            "diagnosis": "autism",
            "nhs_number": "943 476 5919",
        },
        format="json",
    )
    assert response.status_code == 201
    assert Person.objects.get(family_name="Person").nhs_number == "9434765919"


def test_field_errors_answer_400(api):
    person("newham", nhs_number="9434765919")
    response = api.post(
        PEOPLE,
        {
            "area": "thurrock",
            "given_name": "Api",
            "family_name": "Person",
            "date_of_birth": "2012-01-01",
            "diagnosis": "autism",
            "nhs_number": "9434765919",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "already held by Newham" in response.json()["nhs_number"][0]
    bad = api.post(PEOPLE, {"area": "newham", "given_name": "", "date_of_birth": "x"}, format="json")
    assert bad.status_code == 400
    assert {"given_name", "family_name", "date_of_birth", "diagnosis"} <= set(bad.json())


def test_creating_in_another_area_is_refused(api):
    response = api.post(
        PEOPLE,
        {"area": "newham", "given_name": "A", "family_name": "B", "date_of_birth": "2012-01-01", "diagnosis": "autism"},
        format="json",
    )
    assert response.status_code == 400
    assert "area" in response.json()


def test_an_entry_is_opened_and_its_case_edited_with_version_checks(api):
    someone = person()
    created = api.post(ENTRIES, {"person": someone.id, "status": "active"}, format="json")
    assert created.status_code == 201
    entry_id = created.json()["id"]
    again = api.post(ENTRIES, {"person": someone.id}, format="json")
    assert again.status_code == 400
    assert api.patch(f"{ENTRIES}{entry_id}/", {"version": 1, "tried": "Short breaks"}, format="json").status_code == 200
    stale = api.patch(f"{ENTRIES}{entry_id}/", {"version": 1, "tried": "Something else"}, format="json")
    assert stale.status_code == 409
    assert stale.json()["changed"]["tried"] == {"yours_started_from": "", "now": "Short breaks"}
    assert RegisterEntry.objects.get(pk=entry_id).tried == "Short breaks"


def test_keyworkers_and_anonymous_callers_get_nothing(api_client, keyworker_thurrock):
    entry()
    assert api_client.get(ENTRIES).status_code in (401, 403)
    keyworker = sign_in(api_client, keyworker_thurrock)
    assert keyworker.get(ENTRIES).json()["results"] == []


@pytest.mark.parametrize("rows", [1, 20])
def test_the_entry_list_takes_the_same_number_of_queries(api, django_assert_num_queries, dsr_holder_thurrock, rows):
    for number in range(rows):
        opened = entry(family_name=f"P{number}", nhs_number=None, rating=Rating.AMBER)
        episode_admit(
            person=opened.person,
            admitted_on=opened.added_on,
            hospital="H",
            section="s2",
            recorded_by=dsr_holder_thurrock,
        )
    api.get(ENTRIES)
    with django_assert_num_queries(QUERIES_API_LIST):
        assert api.get(ENTRIES).status_code == 200


QUERIES_API_LIST = 18


def test_people_are_searched_like_the_list_page(api):
    entry(given_name="Jordan", family_name="McAllister", nhs_number="9434765919")
    entry(given_name="Sam", family_name="Okonkwo")
    assert [p["family_name"] for p in api.get(PEOPLE, {"q": "macalister"}).json()["results"]] == ["McAllister"]
    assert [p["family_name"] for p in api.get(PEOPLE, {"q": "943 476 5919"}).json()["results"]] == ["McAllister"]
