"""Journeys through sign-in, role administration and the access log."""

from areas.roles import Role


def test_an_area_admin_signs_in_with_mfa_and_gives_a_colleague_a_role(journey, cast):
    admin = cast("admin.thurrock", {"thurrock": [Role.AREA_ADMIN]})
    cast("new.colleague", {})
    journey.sign_in(admin)
    journey.page.get_by_role("link", name="Roles").first.click()
    journey.check()
    journey.page.get_by_label("Username").fill("new.colleague")
    journey.page.get_by_label("DSR holder").check()
    journey.submit("Give role")
    assert "is now DSR holder in Thurrock" in journey.page.content()


def test_a_new_user_enrols_an_authenticator_app_at_first_sign_in(journey, cast):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from areas.rls import system_scope

    newcomer = cast("newcomer", {"newham": [Role.KEYWORKER]}, mfa=False)
    journey.goto("/accounts/sign-in/")
    journey.page.get_by_label("Username").fill("newcomer")
    journey.page.get_by_label("Password").fill("correct-horse-battery-staple")
    journey.submit()
    assert "Set up your authenticator app" in journey.page.content()
    with system_scope():
        device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    journey.page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
    journey.submit()
    assert "Your areas" in journey.page.content()


def test_an_ig_lead_searches_the_access_log(journey, cast):
    ig_lead = cast("ig.thurrock", {"thurrock": [Role.IG_LEAD]})
    journey.sign_in(ig_lead)
    journey.goto("/audit/access-log/")
    journey.page.get_by_text("Search the log").click()
    journey.page.get_by_label("Username").fill("ig.thurrock")
    journey.submit("Search")
    assert "Access log" in journey.page.content()


def test_a_wrong_password_shows_an_accessible_error(journey):
    journey.goto("/accounts/sign-in/")
    journey.page.get_by_label("Username").fill("nobody")
    journey.page.get_by_label("Password").fill("wrong-password-here")
    journey.submit()
    assert "Enter a correct username and password." in journey.page.content()
