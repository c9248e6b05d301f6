"""The dashboards API: the same suppressed aggregates, scoped to the caller's areas."""

import pytest
from django.urls import reverse

from accounts.tokens import api_token_create
from tests.dashboards.factories import MARCH, register_figures, snapshot


@pytest.fixture
def thurrock_march():
    return snapshot("thurrock", MARCH, register_figures(red=3, amber=20, green=35))


def _client(api_client, user):
    _, raw = api_token_create(user=user, name="test", lifetime_days=30)
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return api_client


def _dashboard_url(scope):
    return reverse("api-dashboard", args=[scope])


def test_scopes_lists_the_callers_dashboards(api_client, commissioner_set):
    response = _client(api_client, commissioner_set).get(reverse("api-dashboard-scopes"))
    assert response.status_code == 200
    assert [scope["path"] for scope in response.json()] == [
        "partnerships/set",
        "areas/essex",
        "areas/southend",
        "areas/thurrock",
    ]


def test_dashboard_returns_the_suppressed_figures(api_client, commissioner_thurrock, thurrock_march):
    response = _client(api_client, commissioner_thurrock).get(_dashboard_url("areas/thurrock"), {"section": "register"})
    assert response.status_code == 200
    body = response.json()
    assert body["suppression"] == {"threshold": 8, "rounding": 5}
    table = next(t for t in body["sections"][0]["tables"] if t["key"] == "register_rating")
    row = next(r for r in table["rows"] if r["month"] == "2026-03")
    assert row["values"] == ["*", "20", "35", "0", "0", "60"]
    assert [c["code"] for c in table["columns"]][-1] == "register.total"


def test_another_areas_dashboard_is_not_found(api_client, commissioner_newham, thurrock_march):
    assert _client(api_client, commissioner_newham).get(_dashboard_url("areas/thurrock")).status_code == 404


def test_bad_choices_answer_400_with_field_errors(api_client, commissioner_thurrock):
    response = _client(api_client, commissioner_thurrock).get(_dashboard_url("areas/thurrock"), {"months": "5"})
    assert response.status_code == 400
    assert "months" in response.json()


def test_unauthenticated_callers_are_refused(api_client):
    assert api_client.get(_dashboard_url("areas/thurrock")).status_code in (401, 403)


def test_keyworkers_have_no_dashboards(api_client, keyworker_thurrock):
    client = _client(api_client, keyworker_thurrock)
    assert client.get(reverse("api-dashboard-scopes")).json() == []
    assert client.get(_dashboard_url("areas/thurrock")).status_code == 404


def test_monthly_return(api_client, commissioner_thurrock, commissioner_newham, thurrock_march):
    url = reverse("api-dashboard-return", args=["thurrock", "2026-03"])
    body = _client(api_client, commissioner_thurrock).get(url).json()
    assert body["columns"][0] == "return_version"
    assert body["row"]["on_register_red"] == "*"
    api_client.credentials()
    assert _client(api_client, commissioner_newham).get(url).status_code == 404
