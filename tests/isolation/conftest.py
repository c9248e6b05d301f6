"""The isolation matrix's world: the whole demo data set (with each area's canary strings) and
a few users of no area, made once per module and rolled back at its end."""

import pytest

from areas.models import Area
from areas.rls import system_scope
from areas.roles import Role
from areas.services import role_grant, role_revoke
from tests.factories import user_with_roles
from tests.transactions import check_deferred_constraints

OWN = "thurrock"  # the area whose records are asked for
OTHER = "newham"  # an area whose users must never see them


@pytest.fixture(scope="module")
def world(demo, django_db_blocker):
    with django_db_blocker.unblock(), system_scope():  # inside the demo's transaction
        user_with_roles("all.newham", {OTHER: list(Role)})
        revoked = user_with_roles("revoked.thurrock", {OWN: list(Role)})
        for role in Role:
            role_revoke(area=Area.objects.get(slug=OWN), user=revoked, role=role)
        user_with_roles("no.roles")
        check_deferred_constraints()


@pytest.fixture
def grant():
    return role_grant
