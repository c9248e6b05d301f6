"""The isolation tests' world: the whole demo data set (with each area's canary strings), a few
users of no area and a signed-in session for each kind of user, made once per worker for the
whole package (the matrix, the access-log check and the API fuzz) and rolled back at its end."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from openpyxl import load_workbook

from areas.models import Area
from areas.rls import system_scope
from areas.roles import Role
from areas.services import role_revoke
from tests.factories import sign_in, user_with_roles
from tests.transactions import check_deferred_constraints, load_demo_data, rolled_back_at_end

OWN = "thurrock"  # the area whose records are asked for
OTHER = "newham"  # an area whose users must never see them
UNVERIFIED = f"{Role.DSR_HOLDER.value}.{OWN}"  # signed in with a password, not yet with MFA


def cast_of_users() -> list[tuple[str, set[str] | None]]:
    """Each kind of user the matrix asks as, with the areas whose records they may see (None:
    the areas they hold roles in)."""
    cases = [(f"{role.value}.{OWN}", {OWN}) for role in Role]
    cases += [("keyworker.nel", None), ("commissioner.set", None), ("all.newham", {OTHER})]
    cases += [("no.roles", set()), ("revoked.thurrock", set())]
    return cases


def user_named(username):
    return get_user_model().objects.get(username=username)


def body_text(response) -> str:
    """What a response shows, as text: a spreadsheet's cells, or the page or JSON itself."""
    content_type = response.get("Content-Type", "")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in content_type:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    return content.decode("utf-8", errors="replace")


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    with rolled_back_at_end(django_db_blocker), system_scope():
        load_demo_data()
        user_with_roles("all.newham", {OTHER: list(Role)})
        revoked = user_with_roles("revoked.thurrock", {OWN: list(Role)})
        for role in Role:
            role_revoke(area=Area.objects.get(slug=OWN), user=revoked, role=role)
        user_with_roles("no.roles")
        check_deferred_constraints()
        yield


@pytest.fixture(scope="package")
def signed_in_as(world, django_db_blocker):
    """signed_in_as(username, verified=True) -> a new client in that user's session. The cast's
    sessions are made once (signing in was a fifth of each case); what a case does to its
    session rolls back with the case, so every case starts from the same one."""
    sessions = {}
    with django_db_blocker.unblock(), system_scope():
        for username, verified in [(name, True) for name, _ in cast_of_users()] + [(UNVERIFIED, False)]:
            client = sign_in(Client(), user_named(username), verified=verified)
            session = client.session
            session.set_expiry(timedelta(hours=2))  # outlasts the package (the idle limit is 15 minutes)
            session.save()
            sessions[username, verified] = session.session_key

    def signed_in(username, *, verified=True):
        key = sessions[username, verified]
        # A session that had lapsed would turn every case into an anonymous one, passing quietly.
        assert SessionStore(key).get(SESSION_KEY) == str(user_named(username).pk), "the cast's session lapsed"
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = key
        return client

    return signed_in
