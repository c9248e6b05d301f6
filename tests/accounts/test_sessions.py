"""Session lifetime, signing out everywhere, disabling users, and the headers that protect pages."""

from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.services import user_disable
from accounts.tokens import api_token_create
from tests.factories import sign_in

HOME = reverse("areas:home")


def test_fifteen_minutes_idle_ends_the_session(signed_in, dsr_holder_thurrock):
    client = signed_in(dsr_holder_thurrock)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_activity_within_fifteen_minutes_keeps_the_session(signed_in, dsr_holder_thurrock):
    client = signed_in(dsr_holder_thurrock)
    start = timezone.now()
    for minutes in (10, 20, 30):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert client.get(HOME).status_code == 200


def test_twelve_hours_after_sign_in_the_session_ends_however_active(signed_in, dsr_holder_thurrock):
    client = signed_in(dsr_holder_thurrock)
    start = timezone.now()
    for minutes in range(10, 12 * 60, 10):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert client.get(HOME).status_code == 200, minutes
    with time_machine.travel(start + timedelta(hours=12, minutes=5)):
        response = client.get(HOME)
    assert response.status_code == 302
    assert "expired=1" in response["Location"]


def test_sign_out_everywhere_ends_every_session_of_the_user(dsr_holder_thurrock):
    laptop, phone = sign_in(Client(), dsr_holder_thurrock), sign_in(Client(), dsr_holder_thurrock)
    assert phone.get(HOME).status_code == 200
    laptop.post(reverse("accounts:sign-out-everywhere"))
    assert phone.get(HOME).status_code == 302
    assert laptop.get(HOME).status_code == 302


def test_disabling_a_user_ends_their_sessions_and_tokens_at_once(dsr_holder_thurrock, api_client):
    client = sign_in(Client(), dsr_holder_thurrock)
    _, raw = api_token_create(user=dsr_holder_thurrock, name="script")
    user_disable(user=dsr_holder_thurrock)
    assert client.get(HOME).status_code == 302
    assert api_client.get("/api/v1/areas/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_pages_for_signed_in_users_are_never_cached(signed_in, dsr_holder_thurrock):
    response = signed_in(dsr_holder_thurrock).get(HOME)
    assert "no-store" in response["Cache-Control"]


def test_pages_carry_a_content_security_policy_and_deny_framing(client):
    response = client.get(reverse("accounts:sign-in"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_session_cookie_is_http_only(client, dsr_holder_thurrock):
    client.get(reverse("accounts:sign-in"))
    client.post(reverse("accounts:sign-in"), {"username": dsr_holder_thurrock.username, "password": "x"})
    sign_in(client, dsr_holder_thurrock)
    response = client.get(HOME)
    assert response.cookies["sessionid"]["httponly"]
