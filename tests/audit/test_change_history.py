"""Change history (pghistory): who changed what, through which request."""

from django.apps import apps
from django.urls import reverse

from accounts.tokens import api_token_create


def test_changes_to_a_user_are_recorded_with_the_acting_user_and_url(signed_in, dsr_holder_thurrock):
    signed_in(dsr_holder_thurrock).post(reverse("accounts:sign-out-everywhere"))
    event = apps.get_model("accounts", "UserEvent").objects.filter(pgh_obj=dsr_holder_thurrock).latest("pgh_id")
    assert event.session_epoch == 1
    assert event.pgh_context.metadata["user"] == dsr_holder_thurrock.id
    assert event.pgh_context.metadata["url"] == reverse("accounts:sign-out-everywhere")


def test_password_hashes_are_not_copied_into_the_history(dsr_holder_thurrock):
    field_names = {field.name for field in apps.get_model("accounts", "UserEvent")._meta.get_fields()}
    assert "password" not in field_names


def test_token_history_never_holds_the_raw_token(dsr_holder_thurrock):
    _, raw = api_token_create(user=dsr_holder_thurrock, name="script")
    event = apps.get_model("accounts", "ApiTokenEvent").objects.get()
    assert raw not in str(event.__dict__)
