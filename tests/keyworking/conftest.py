"""Keyworking's cast on top of tests/conftest.py: in Thurrock an MDT chair, two keyworkers and a
senior practitioner; in Newham (another area) a keyworker and a chair. Both areas have a policy."""

import pytest

from areas.rls import system_scope
from areas.roles import Role
from tests.factories import user_with_roles
from tests.keyworking.factories import policy


@pytest.fixture(autouse=True)
def _policies(request):
    if "transactional_db" in request.fixturenames:
        # Set up the transactional database (with the migrations' areas restored) first.
        request.getfixturevalue("transactional_db")
    with system_scope():  # transactional tests run outside the usual system scope
        policy("thurrock")
        policy("newham")


@pytest.fixture
def chair():
    return user_with_roles("chair.thurrock", {"thurrock": [Role.MDT_CHAIR]})


@pytest.fixture
def keyworker():
    return user_with_roles("kw.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def other_keyworker():
    return user_with_roles("kw2.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def senior():
    return user_with_roles("senior.thurrock", {"thurrock": [Role.SENIOR_PRACTITIONER]})


@pytest.fixture
def keyworker_newham():
    return user_with_roles("kw.newham", {"newham": [Role.KEYWORKER]})


@pytest.fixture
def chair_newham():
    return user_with_roles("chair.newham", {"newham": [Role.MDT_CHAIR]})
