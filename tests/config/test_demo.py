"""load_demo: synthetic users for every area and role, safe to run twice, never in production."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from areas import access
from areas.roles import Role


def test_every_area_gets_one_user_per_role_plus_the_partnership_users(demo):
    users = get_user_model().objects
    assert users.count() == 10 * len(Role) + 2
    assert list(access.area_roles(users.get(username="dsr_holder.thurrock")).values()) == [frozenset({Role.DSR_HOLDER})]
    assert len(access.area_roles(users.get(username="keyworker.nel"))) == 7
    assert len(access.area_roles(users.get(username="commissioner.set"))) == 3


def test_loading_twice_changes_nothing(demo):
    before = sorted(get_user_model().objects.values_list("username", "password"))
    call_command("load_demo")
    assert sorted(get_user_model().objects.values_list("username", "password")) == before


def test_demo_data_is_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("load_demo")
