"""Personal API tokens: made by an MFA-verified user or the command line, expiring, revocable."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import ApiToken
from accounts.tokens import api_token_create, api_token_revoke

AREAS_API = "/api/v1/areas/"


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_verified_user_creates_a_token_and_sees_it_once(signed_in, dsr_holder_thurrock):
    client = signed_in(dsr_holder_thurrock)
    response = client.post(reverse("accounts:api-tokens"), {"name": "nightly export", "lifetime_days": 30})
    token = ApiToken.objects.get(user=dsr_holder_thurrock)
    page = response.content.decode()
    assert "Copy your new token now" in page
    assert token.digest not in page
    assert token.hint in page
    assert "Copy your new token now" not in client.get(reverse("accounts:api-tokens")).content.decode()


def test_token_lifetime_over_a_year_is_refused_with_a_message(signed_in, dsr_holder_thurrock):
    response = signed_in(dsr_holder_thurrock).post(reverse("accounts:api-tokens"), {"name": "x", "lifetime_days": 400})
    assert response.status_code == 400
    assert "A token can last at most 365 days" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_session_without_mfa_cannot_create_tokens(signed_in, dsr_holder_thurrock):
    client = signed_in(dsr_holder_thurrock, verified=False)
    response = client.post(reverse("accounts:api-tokens"), {"name": "x", "lifetime_days": 30})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_the_token_authenticates_api_calls(api_client, dsr_holder_thurrock):
    _, raw = api_token_create(user=dsr_holder_thurrock, name="script")
    response = api_client.get(AREAS_API, **_bearer(raw))
    assert response.status_code == 200
    assert [area["slug"] for area in response.json()] == ["thurrock"]


def test_only_a_digest_is_stored(dsr_holder_thurrock):
    token, raw = api_token_create(user=dsr_holder_thurrock, name="script")
    assert raw not in {token.digest, token.hint}
    assert token.digest == ApiToken.digest_of(raw)


def test_an_expired_token_is_refused(api_client, dsr_holder_thurrock):
    _, raw = api_token_create(user=dsr_holder_thurrock, name="script", lifetime_days=1)
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert api_client.get(AREAS_API, **_bearer(raw)).status_code == 401


def test_a_revoked_token_is_refused(api_client, dsr_holder_thurrock):
    token, raw = api_token_create(user=dsr_holder_thurrock, name="script")
    api_token_revoke(token=token)
    assert api_client.get(AREAS_API, **_bearer(raw)).status_code == 401


def test_a_made_up_token_is_refused(api_client):
    assert api_client.get(AREAS_API, **_bearer("kw_made-up")).status_code == 401


def test_a_user_revokes_their_token_in_the_ui(signed_in, dsr_holder_thurrock):
    token, _ = api_token_create(user=dsr_holder_thurrock, name="script")
    signed_in(dsr_holder_thurrock).post(reverse("accounts:api-token-revoke", args=[token.id]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_can_revoke_another_users_token(signed_in, dsr_holder_thurrock, area_admin_thurrock):
    token, _ = api_token_create(user=dsr_holder_thurrock, name="script")
    response = signed_in(area_admin_thurrock).post(reverse("accounts:api-token-revoke", args=[token.id]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_command_creates_a_working_token(api_client, dsr_holder_thurrock, capsys):
    call_command("create_api_token", dsr_holder_thurrock.username, "--days", "7")
    raw = capsys.readouterr().out.strip()
    assert api_client.get(AREAS_API, **_bearer(raw)).status_code == 200


def test_the_command_refuses_an_unknown_user():
    with pytest.raises(CommandError, match="No active user"):
        call_command("create_api_token", "nobody-called-this")
