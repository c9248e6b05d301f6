"""The isolation matrix: every URL × every kind of user × each method.

Another area's record or page answers 404; nobody's response shows another area's canary
string; without MFA or without a role nothing is reachable; every URL is covered."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from areas.models import Area
from areas.rls import system_scope
from areas.roles import Role
from tests.factories import sign_in
from tests.isolation.conftest import OTHER, OWN
from tests.isolation.routes import ROUTES, Kind
from tests.isolation.urls import served_urls

REFUSED = {404, 405}
API_REFUSED = {401, 403}
ROUTE_IDS = [route.name for route in ROUTES]

pytestmark = pytest.mark.usefixtures("world")
UNVERIFIED = f"{Role.DSR_HOLDER.value}.{OWN}"  # signed in with a password, not yet with MFA


def _user(username):
    return get_user_model().objects.get(username=username)


def _body_text(response) -> str:
    content_type = response.get("Content-Type", "")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in content_type:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    return content.decode("utf-8", errors="replace")


def _foreign_canaries(response, allowed_slugs: set[str]) -> list[str]:
    text = _body_text(response).lower()
    slugs = Area.objects.values_list("slug", flat=True)
    return [f"canary-{slug}" for slug in slugs if slug not in allowed_slugs and f"canary-{slug}" in text]


def _request(client, route, method, slug=OWN):
    url = reverse(route.name, kwargs=route.kwargs(slug))
    return client.post(url, {}) if method == "POST" else client.get(url)


@pytest.fixture(scope="module")
def signed_in_as(world, django_db_blocker):
    """signed_in_as(username, verified=True) -> a new client in that user's session. The cast's
    sessions are made once for the module (signing in was a fifth of each case); what a case
    does to its session rolls back with the case, so every case starts from the same one."""
    sessions = {}
    with django_db_blocker.unblock(), system_scope():
        for username, verified in [(name, True) for name, _ in _users_and_their_areas()] + [(UNVERIFIED, False)]:
            client = sign_in(Client(), _user(username), verified=verified)
            session = client.session
            session.set_expiry(timedelta(hours=1))  # outlasts the module (the idle limit is 15 minutes)
            session.save()
            sessions[username, verified] = session.session_key

    def signed_in(username, *, verified=True):
        key = sessions[username, verified]
        # A session that had lapsed would turn every case into an anonymous one, passing quietly.
        assert SessionStore(key).get(SESSION_KEY) == str(_user(username).pk), "the cast's session lapsed"
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = key
        return client

    return signed_in


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


def _users_and_their_areas():
    cases = [(f"{role.value}.{OWN}", {OWN}) for role in Role]
    cases += [("keyworker.nel", None), ("commissioner.set", None), ("all.newham", {OTHER})]
    cases += [("no.roles", set()), ("revoked.thurrock", set())]
    return cases


@pytest.mark.parametrize(("username", "allowed"), _users_and_their_areas(), ids=lambda value: str(value))
@pytest.mark.parametrize("route", [r for r in ROUTES if r.kind is not Kind.PUBLIC], ids=lambda r: r.name)
def test_no_response_shows_another_areas_records(route, username, allowed, signed_in_as):
    user = _user(username)
    if allowed is None:
        allowed = set(Area.objects.filter(role_grants__user=user).values_list("slug", flat=True))
    for method in route.methods if not route.destructive else ():
        response = _request(signed_in_as(username), route, method)
        assert response.status_code < 500, (method, response.status_code)
        assert response.status_code != 403, "refusals are 404: a 403 tells that the record exists"
        assert _foreign_canaries(response, allowed) == [], method
