"""The isolation matrix's world: the whole demo data set (with each area's canary strings),
loaded once per module inside a transaction that is rolled back at the end."""

import pytest
from django.core.management import call_command
from django.db import transaction

from areas.models import Area
from areas.rls import system_scope
from areas.roles import Role
from areas.services import role_grant, role_revoke
from tests.factories import user_with_roles

OWN = "thurrock"  # the area whose records are asked for
OTHER = "newham"  # an area whose users must never see them


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with system_scope():
                call_command("load_demo", verbosity=0)
                user_with_roles("all.newham", {OTHER: list(Role)})
                revoked = user_with_roles("revoked.thurrock", {OWN: list(Role)})
                for role in Role:
                    role_revoke(area=Area.objects.get(slug=OWN), user=revoked, role=role)
                user_with_roles("no.roles")
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def grant():
    return role_grant
