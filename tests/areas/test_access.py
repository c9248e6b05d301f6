"""The access layer: areas per capability, scoped querysets, 404 for everything outside."""

import pytest
from django.http import Http404

from areas import access
from areas.roles import MANAGE_ROLES, READ_AUDIT, Role
from audit.models import AccessLogEntry
from tests.factories import UserFactory, area, user_with_roles


def test_a_user_has_a_capability_only_where_they_hold_one_of_its_roles():
    user = user_with_roles("multi", {"thurrock": [Role.AREA_ADMIN], "newham": [Role.IG_LEAD]})
    assert access.area_ids_with(user, MANAGE_ROLES) == [area("thurrock").id]
    assert access.area_ids_with(user, READ_AUDIT) == [area("newham").id]
    assert access.row_scope_area_ids(user) == sorted([area("thurrock").id, area("newham").id])


def test_a_user_with_no_role_has_no_areas(no_role_user):
    assert access.row_scope_area_ids(no_role_user) == []


def test_a_disabled_user_has_no_areas(area_admin_thurrock):
    area_admin_thurrock.is_active = False
    assert access.area_roles(area_admin_thurrock) == {}


def test_superusers_administer_roles_everywhere_and_see_no_records():
    superuser = UserFactory(username="root", is_superuser=True)
    assert len(access.area_ids_with(superuser, MANAGE_ROLES)) == 10
    assert access.area_ids_with(superuser, READ_AUDIT) == []


def test_get_or_404_hides_records_of_other_areas(ig_lead_thurrock):
    other = AccessLogEntry.objects.create(
        area=area("newham"), user=ig_lead_thurrock, kind="detail", record_type="x", path="/", method="GET"
    )
    with pytest.raises(Http404):
        access.get_or_404(AccessLogEntry.objects.all(), ig_lead_thurrock, READ_AUDIT, pk=other.pk)


def test_area_or_404_refuses_an_area_without_the_capability(area_admin_thurrock):
    assert access.area_or_404(area_admin_thurrock, MANAGE_ROLES, "thurrock").slug == "thurrock"
    with pytest.raises(Http404):
        access.area_or_404(area_admin_thurrock, MANAGE_ROLES, "newham")


def test_users_with_role_lists_only_active_holders_in_those_areas():
    holder = user_with_roles("kw1", {"newham": [Role.KEYWORKER]})
    user_with_roles("kw2", {"thurrock": [Role.KEYWORKER]})
    gone = user_with_roles("kw3", {"newham": [Role.KEYWORKER]})
    gone.is_active = False
    gone.save()
    assert list(access.users_with_role(Role.KEYWORKER, [area("newham").id])) == [holder]
