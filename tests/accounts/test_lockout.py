"""django-axes: repeated failures lock by username and by client address, escalating."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from accounts.lockout import cool_off
from tests.factories import PASSWORD, user_with_roles

SIGN_IN = reverse("accounts:sign-in")


def _attempt(client, username, password, ip="10.0.0.1", **extra):
    return client.post(SIGN_IN, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def test_five_failures_lock_the_username_even_with_the_right_password(client):
    user_with_roles("kw")
    for attempt in range(5):
        _attempt(client, "kw", "wrong-password", ip=f"10.0.0.{attempt + 1}")
    response = _attempt(client, "kw", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_five_failures_from_one_address_lock_that_address_for_every_username(client):
    user_with_roles("kw")
    for attempt in range(5):
        _attempt(client, f"guess{attempt}", "wrong-password", ip="10.0.0.7")
    assert _attempt(client, "kw", PASSWORD, ip="10.0.0.7").status_code == 429
    assert _attempt(client, "kw", PASSWORD, ip="10.0.0.8").status_code == 302


def test_four_failures_do_not_lock(client):
    user_with_roles("kw")
    for _ in range(4):
        _attempt(client, "kw", "wrong-password")
    assert _attempt(client, "kw", PASSWORD).status_code == 302


def test_lockout_of_an_unknown_username_looks_the_same(client):
    for _ in range(5):
        _attempt(client, "no-such-user", "wrong-password", ip="10.0.0.2")
    response = _attempt(client, "no-such-user", "wrong-password", ip="10.0.0.3")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_client_address_is_locked(client, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    for attempt in range(5):
        _attempt(client, f"guess{attempt}", "x", ip="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.5, 192.0.2.1")
    assert AccessAttempt.objects.filter(ip_address="203.0.113.5").exists()
    other_client = _attempt(client, "guess9", "x", ip="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.6, 192.0.2.1")
    assert other_client.status_code != 429


@pytest.mark.parametrize(
    ("failures", "expected"),
    [(5, timedelta(minutes=15)), (10, timedelta(minutes=30)), (15, timedelta(hours=1)), (500, timedelta(days=1))],
)
def test_cool_off_doubles_with_each_further_lockout(failures, expected):
    AccessAttempt.objects.create(
        username="kw",
        ip_address="10.0.0.1",
        user_agent="",
        get_data="",
        post_data="",
        http_accept="",
        path_info="",
        failures_since_start=failures,
    )
    request = RequestFactory().post(SIGN_IN, {"username": "kw"}, REMOTE_ADDR="10.1.1.1")
    assert cool_off(request) == expected
