"""The dashboards' cast (commissioners of one area, of a whole partnership, of another area;
a DSR holder, an MDT chair and a keyworker) and a hand-checked month of Thurrock records."""

import pytest

from areas.roles import Role
from tests.dashboards.factories import march_world
from tests.factories import user_with_roles


@pytest.fixture
def commissioner_thurrock():
    return user_with_roles("comm.thurrock", {"thurrock": [Role.COMMISSIONER]})


@pytest.fixture
def commissioner_newham():
    return user_with_roles("comm.newham", {"newham": [Role.COMMISSIONER]})


@pytest.fixture
def commissioner_set():
    return user_with_roles("comm.set", {slug: [Role.COMMISSIONER] for slug in ("essex", "southend", "thurrock")})


@pytest.fixture
def commissioner_two():
    """Commissioner of Thurrock (SET) and Newham (NEL): "all your areas" is neither partnership."""
    return user_with_roles("comm.two", {"thurrock": [Role.COMMISSIONER], "newham": [Role.COMMISSIONER]})


@pytest.fixture
def chair_thurrock():
    return user_with_roles("chair.thurrock", {"thurrock": [Role.MDT_CHAIR]})


@pytest.fixture
def keyworker_thurrock():
    return user_with_roles("kw.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def world():
    return march_world()
