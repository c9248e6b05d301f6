"""The isolation matrix: every URL × every kind of user × each method.

Another area's record or page answers 404; nobody's response shows another area's canary
string; without MFA or without a role nothing is reachable; every URL is covered."""

import pytest
from django.test import Client
from django.urls import reverse

from areas.models import Area
from tests.isolation.conftest import OWN, UNVERIFIED, body_text, cast_of_users, user_named
from tests.isolation.routes import ROUTES, Kind
from tests.isolation.urls import served_urls

REFUSED = {404, 405}
API_REFUSED = {401, 403}
ROUTE_IDS = [route.name for route in ROUTES]

pytestmark = pytest.mark.usefixtures("world")


def _foreign_canaries(response, allowed_slugs: set[str]) -> list[str]:
    text = body_text(response).lower()
    slugs = Area.objects.values_list("slug", flat=True)
    return [f"canary-{slug}" for slug in slugs if slug not in allowed_slugs and f"canary-{slug}" in text]


def _request(client, route, method, slug=OWN):
    url = reverse(route.name, kwargs=route.kwargs(slug))
    return client.post(url, {}) if method == "POST" else client.get(url)


def test_every_served_url_is_in_the_matrix():
    served = {served.name for served in served_urls()}
    assert served - set(ROUTE_IDS) == set(), "add these URLs to tests/isolation/routes.py"
    assert set(ROUTE_IDS) - served == set(), "these matrix entries no longer exist"


@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
def test_anonymous_callers_reach_only_public_urls(route):
    for method in route.methods:
        response = _request(Client(), route, method)
        if route.kind is Kind.PUBLIC:
            assert response.status_code < 400, (method, response.status_code)
        elif route.kind.is_api:
            assert response.status_code in API_REFUSED, (method, response.status_code)
        else:
            assert response.status_code in {302, 405}, (method, response.status_code)
            if response.status_code == 302:
                assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("route", [r for r in ROUTES if r.kind is not Kind.PUBLIC], ids=lambda r: r.name)
def test_without_mfa_nothing_is_reachable(route, signed_in_as):
    for method in route.methods:
        response = _request(signed_in_as(UNVERIFIED, verified=False), route, method)
        if route.kind.is_api:
            assert response.status_code in API_REFUSED, (method, response.status_code)
        else:
            assert response.status_code in {302, 405}, (method, response.status_code)
            if response.status_code == 302:
                assert response["Location"].startswith(reverse("accounts:mfa"))


@pytest.mark.parametrize("username", ["all.newham", "no.roles", "revoked.thurrock"])
@pytest.mark.parametrize("route", [r for r in ROUTES if r.kind.is_one_area], ids=lambda r: r.name)
def test_another_areas_pages_and_records_answer_404(route, username, signed_in_as):
    for method in route.methods:
        response = _request(signed_in_as(username), route, method)
        assert response.status_code in REFUSED, (username, method, response.status_code)


@pytest.mark.parametrize(("username", "allowed"), cast_of_users(), ids=lambda value: str(value))
@pytest.mark.parametrize("route", [r for r in ROUTES if r.kind is not Kind.PUBLIC], ids=lambda r: r.name)
def test_no_response_shows_another_areas_records(route, username, allowed, signed_in_as):
    user = user_named(username)
    if allowed is None:
        allowed = set(Area.objects.filter(role_grants__user=user).values_list("slug", flat=True))
    for method in route.methods if not route.destructive else ():
        response = _request(signed_in_as(username), route, method)
        assert response.status_code < 500, (method, response.status_code)
        assert response.status_code != 403, "refusals are 404: a 403 tells that the record exists"
        assert _foreign_canaries(response, allowed) == [], method
