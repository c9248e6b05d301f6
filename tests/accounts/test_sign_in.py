"""Password then TOTP: nobody reaches data before passing MFA; first sign-in enrols a device."""

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from areas.roles import Role
from tests.factories import PASSWORD, current_code, user_with_roles

SIGN_IN = reverse("accounts:sign-in")
MFA = reverse("accounts:mfa")
HOME = reverse("areas:home")


def _password_step(client, username, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"username": username, "password": password}, REMOTE_ADDR="10.0.0.1", **extra)


def test_right_password_leads_to_the_security_code_step(client):
    user_with_roles("kw", {"newham": [Role.KEYWORKER]})
    response = _password_step(client, "kw")
    assert response.status_code == 302
    assert response["Location"].startswith(MFA)


def test_data_pages_are_unreachable_between_password_and_code(client):
    user_with_roles("kw", {"newham": [Role.KEYWORKER]})
    _password_step(client, "kw")
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(MFA)


def test_api_refuses_a_session_that_has_not_passed_mfa(client):
    user_with_roles("kw", {"newham": [Role.KEYWORKER]})
    _password_step(client, "kw")
    assert client.get("/api/v1/areas/").status_code in (401, 403)


def test_right_code_completes_sign_in(client):
    user = user_with_roles("kw", {"newham": [Role.KEYWORKER]})
    _password_step(client, "kw")
    response = client.post(MFA, {"code": current_code(user), "next": HOME})
    assert response.status_code == 302
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_wrong_code_is_refused_with_a_message(client):
    user = user_with_roles("kw", {"newham": [Role.KEYWORKER]})
    _password_step(client, "kw")
    wrong = f"{(int(current_code(user)) + 1) % 1_000_000:06d}"
    response = client.post(MFA, {"code": wrong})
    assert response.status_code == 400
    assert "The security code is not right" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_wrong_password_and_unknown_user_get_the_same_message(client):
    user_with_roles("kw")
    wrong_password = _password_step(client, "kw", password="not-the-password").content.decode()
    unknown_user = _password_step(client, "nobody-called-this").content.decode()
    message = "Enter a correct username and password."
    assert message in wrong_password
    assert message in unknown_user


def test_disabled_account_gets_the_same_message_as_a_wrong_password(client):
    user = user_with_roles("kw")
    user.is_active = False
    user.save()
    assert "Enter a correct username and password." in _password_step(client, "kw").content.decode()


def test_first_sign_in_enrols_an_authenticator_app(client):
    user = user_with_roles("newcomer", {"newham": [Role.KEYWORKER]}, mfa=False)
    _password_step(client, "newcomer")
    page = client.get(MFA)
    assert "Set up your authenticator app" in page.content.decode()
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = f"{totp(device.bin_key):06d}"
    response = client.post(MFA, {"code": code, "next": HOME})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(HOME).status_code == 200


def test_enrolment_keeps_one_secret_across_reloads(client):
    user = user_with_roles("newcomer", mfa=False)
    _password_step(client, "newcomer")
    client.get(MFA)
    client.get(MFA)
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_sign_in_gives_a_new_session_key(client):
    user_with_roles("kw")
    client.get(SIGN_IN)
    client.cookies["sessionid"] = "attacker-fixed-session-key"
    _password_step(client, "kw")
    assert client.cookies["sessionid"].value != "attacker-fixed-session-key"


def test_next_pointing_off_site_is_ignored(client):
    user = user_with_roles("kw")
    _password_step(client, "kw")
    response = client.post(MFA, {"code": current_code(user), "next": "https://evil.example.com/"})
    assert response["Location"] == HOME


def test_sign_out_ends_the_session(signed_in, dsr_holder_thurrock):
    client = signed_in(dsr_holder_thurrock)
    client.post(reverse("accounts:sign-out"))
    assert client.get(HOME).status_code == 302
