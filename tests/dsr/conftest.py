"""The register's cast, on top of tests/conftest.py: a DSR holder in each of our two areas, a
keyworker (summary only), an MDT chair, and helpers for people on the register."""

import pytest

from areas.roles import Role
from tests.factories import user_with_roles


@pytest.fixture
def dsr_holder_newham():
    return user_with_roles("dsr.newham", {"newham": [Role.DSR_HOLDER]})


@pytest.fixture
def keyworker_thurrock():
    return user_with_roles("kw.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def chair_thurrock():
    return user_with_roles("chair.thurrock", {"thurrock": [Role.MDT_CHAIR]})


@pytest.fixture
def commissioner_thurrock():
    return user_with_roles("comm.thurrock", {"thurrock": [Role.COMMISSIONER]})


@pytest.fixture
def holder_client(signed_in, dsr_holder_thurrock):
    return signed_in(dsr_holder_thurrock)
