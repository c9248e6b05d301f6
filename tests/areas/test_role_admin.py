"""Area admins grant and revoke roles in their own area; the change works on the next request."""

from django.apps import apps
from django.urls import reverse

from areas.models import AreaRoleGrant
from areas.roles import Role
from tests.factories import area, sign_in, user_with_roles


def _roles_url(slug):
    return reverse("areas:roles", args=[slug])


def test_an_area_admin_sees_who_holds_roles_in_their_area(signed_in, area_admin_thurrock, dsr_holder_thurrock):
    page = signed_in(area_admin_thurrock).get(_roles_url("thurrock")).content.decode()
    assert dsr_holder_thurrock.username in page


def test_another_areas_role_page_answers_404(signed_in, area_admin_thurrock):
    assert signed_in(area_admin_thurrock).get(_roles_url("newham")).status_code == 404


def test_users_without_the_admin_role_get_404(signed_in, dsr_holder_thurrock):
    client = signed_in(dsr_holder_thurrock)
    assert client.get(_roles_url("thurrock")).status_code == 404
    assert client.get(reverse("areas:roles-index")).status_code == 404


def test_a_granted_role_works_on_the_users_next_request(client, signed_in, area_admin_thurrock, django_user_model):
    colleague = user_with_roles("colleague")
    colleague_client = sign_in(client.__class__(), colleague)
    assert colleague_client.get(reverse("audit:access-log")).status_code == 404
    response = signed_in(area_admin_thurrock).post(
        _roles_url("thurrock"), {"username": "colleague", "role": Role.IG_LEAD}
    )
    assert response.status_code == 302
    assert colleague_client.get(reverse("audit:access-log")).status_code == 200


def test_a_revoked_role_stops_working_on_the_users_next_request(
    client, signed_in, area_admin_thurrock, ig_lead_thurrock
):
    ig_client = sign_in(client.__class__(), ig_lead_thurrock)
    assert ig_client.get(reverse("audit:access-log")).status_code == 200
    signed_in(area_admin_thurrock).post(
        reverse("areas:role-revoke", args=["thurrock"]), {"user_id": ig_lead_thurrock.id, "role": Role.IG_LEAD}
    )
    assert ig_client.get(reverse("audit:access-log")).status_code == 404


def test_an_admin_cannot_grant_roles_in_another_area(signed_in, area_admin_newham):
    user_with_roles("colleague")
    response = signed_in(area_admin_newham).post(_roles_url("thurrock"), {"username": "colleague", "role": "ig_lead"})
    assert response.status_code == 404
    assert not AreaRoleGrant.objects.filter(user__username="colleague").exists()


def test_granting_to_an_unknown_username_shows_a_message(signed_in, area_admin_thurrock):
    response = signed_in(area_admin_thurrock).post(_roles_url("thurrock"), {"username": "ghost", "role": "ig_lead"})
    assert response.status_code == 400
    assert "There is no active account with that username" in response.content.decode()


def test_grants_and_revocations_are_kept_in_the_history_with_who_did_it(signed_in, area_admin_thurrock):
    user_with_roles("colleague")
    client = signed_in(area_admin_thurrock)
    client.post(_roles_url("thurrock"), {"username": "colleague", "role": Role.IG_LEAD})
    colleague = user_with_roles("colleague")
    client.post(reverse("areas:role-revoke", args=["thurrock"]), {"user_id": colleague.id, "role": Role.IG_LEAD})
    events = apps.get_model("areas", "AreaRoleGrantEvent").objects.filter(user=colleague).order_by("pgh_created_at")
    assert [event.pgh_label for event in events] == ["role.granted", "role.revoked"]
    assert all(event.pgh_context.metadata["user"] == area_admin_thurrock.id for event in events)
    assert all(event.content_object_id == area("thurrock").id for event in events)
