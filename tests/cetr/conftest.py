"""The C(E)TR cast: Thurrock's coordinator, keyworker, commissioner and DSR holder, and
Newham's coordinator (always someone of another area)."""

import pytest

from areas.roles import Role
from tests.factories import user_with_roles


@pytest.fixture
def coordinator():
    return user_with_roles("cetr.thurrock", {"thurrock": [Role.CETR_COORDINATOR]})


@pytest.fixture
def coordinator_newham():
    return user_with_roles("cetr.newham", {"newham": [Role.CETR_COORDINATOR]})


@pytest.fixture
def keyworker():
    return user_with_roles("kw.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def commissioner():
    return user_with_roles("comm.thurrock", {"thurrock": [Role.COMMISSIONER]})


@pytest.fixture
def commissioner_newham():
    return user_with_roles("comm.newham", {"newham": [Role.COMMISSIONER]})
