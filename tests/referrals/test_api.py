"""/api/v1/referrals/: read by DSR holders' systems, written by professionals' systems."""

import pytest

from accounts.tokens import api_token_create
from audit.models import AccessLogEntry
from referrals.models import Referral, Source
from tests.factories import area
from tests.referrals.factories import referral

LIST = "/api/v1/referrals/"
LIST_QUERIES = 9  # 7 of them the token, roles, scope and savepoints of any API request


def _bearer(api_client, user):
    _, raw = api_token_create(user=user, name="test", lifetime_days=1)
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return api_client


def _new(**changes):
    return {
        "area": "thurrock",
        "given_name": "Robin",
        "family_name": "Examplechild",
        "date_of_birth": "2011-04-03",
        "diagnosis": "autism",
        "has_ehc_plan": "no",
        "concerns": "Crisis at A&E",
        "consent_to_be_considered": True,
        "referrer_name": "Dr Example",
        "referrer_organisation": "Demo CAMHS",
        "referrer_email": "dr@example.nhs.uk",
    } | changes


def test_a_dsr_holders_system_lists_its_areas_referrals(api_client, dsr_holder_thurrock):
    mine = referral("thurrock")
    referral("newham", concerns="canary-newham")
    response = _bearer(api_client, dsr_holder_thurrock).get(LIST)
    assert response.status_code == 200
    assert [row["reference"] for row in response.json()["results"]] == [mine.reference]
    assert "canary-newham" not in response.content.decode()
    logged = AccessLogEntry.objects.get()
    assert (logged.kind, logged.record_ids) == ("api", [mine.pk])


def test_the_list_filters_by_status_and_area(api_client, dsr_holder_thurrock):
    referral("thurrock")
    client = _bearer(api_client, dsr_holder_thurrock)
    assert len(client.get(LIST, {"status": "new"}).json()["results"]) == 1
    assert client.get(LIST, {"status": "accepted"}).json()["results"] == []
    assert client.get(LIST, {"area": "newham"}).json()["results"] == []
    assert client.get(LIST, {"status": "bogus"}).status_code == 400


def test_one_referral_by_reference_and_404_for_another_areas(api_client, dsr_holder_thurrock):
    mine, theirs = referral("thurrock"), referral("newham")
    client = _bearer(api_client, dsr_holder_thurrock)
    assert client.get(f"{LIST}{mine.reference}/").json()["given_name"] == "Robin"
    assert client.get(f"{LIST}{theirs.reference}/").status_code == 404


def test_a_professionals_system_sends_a_referral_to_any_area(api_client, keyworker_thurrock):
    response = _bearer(api_client, keyworker_thurrock).post(LIST, _new(area="newham"), format="json")
    assert response.status_code == 201
    stored = Referral.objects.get()
    assert response.json() == {
        "reference": stored.reference,
        "area": "newham",
        "status": "new",
        "received_at": response.json()["received_at"],
    }
    assert (stored.area, stored.source, stored.referred_by) == (area("newham"), Source.API, keyworker_thurrock)


def test_a_keyworker_cannot_read_the_queue_through_the_api(api_client, keyworker_thurrock):
    referral("thurrock")
    client = _bearer(api_client, keyworker_thurrock)
    assert client.get(LIST).json()["results"] == []
    assert client.get(f"{LIST}{Referral.objects.get().reference}/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"nhs_number": "9434765918"}, "nhs_number"),
        ({"date_of_birth": "2011-02-31"}, "date_of_birth"),
        ({"date_of_birth": "1980-01-01"}, "date_of_birth"),
        ({"concerns": "x" * 5001}, "concerns"),
        ({"referrer_email": ""}, "referrer_email"),
        ({"consent_to_be_considered": False}, "consent_to_be_considered"),
        ({"area": "atlantis"}, "area"),
        ({"postcode": "ZZ9"}, "postcode"),
    ],
)
def test_bad_input_answers_400_with_field_errors(api_client, keyworker_thurrock, changes, field):
    response = _bearer(api_client, keyworker_thurrock).post(LIST, _new(**changes), format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Referral.objects.exists()


def test_callers_without_a_care_role_cannot_send(api_client, commissioner_thurrock):
    assert _bearer(api_client, commissioner_thurrock).post(LIST, _new(), format="json").status_code == 404
    assert not Referral.objects.exists()


def test_anonymous_callers_are_refused(api_client):
    assert api_client.get(LIST).status_code in (401, 403)
    assert api_client.post(LIST, _new(), format="json").status_code in (401, 403)
    assert not Referral.objects.exists()


def test_the_schema_describes_the_referrals_api(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    assert {"/api/v1/referrals/", "/api/v1/referrals/{reference}/"} <= set(paths)
    assert "post" in paths["/api/v1/referrals/"]


def test_list_queries_do_not_grow_with_the_rows(api_client, dsr_holder_thurrock, django_assert_num_queries):
    client = _bearer(api_client, dsr_holder_thurrock)
    referral("thurrock")
    client.get(LIST)  # the token's first use of the day is recorded once, outside the count
    with django_assert_num_queries(LIST_QUERIES):
        client.get(LIST)
    referral("thurrock", given_name="Second")
    referral("thurrock", given_name="Third")
    with django_assert_num_queries(LIST_QUERIES):
        assert len(client.get(LIST).json()["results"]) == 3


def test_a_nul_character_is_refused_not_a_server_error(api_client, keyworker_thurrock):
    response = _bearer(api_client, keyworker_thurrock).post(LIST, _new(area="\x00", given_name="a\x00b"), format="json")
    assert response.status_code == 400
    assert {"area", "given_name"} <= set(response.json())
