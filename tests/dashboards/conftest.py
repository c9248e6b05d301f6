"""The dashboards' hand-checked month of Thurrock records (their cast of commissioners, a DSR
holder, an MDT chair and a keyworker is tests/conftest.py's)."""

import pytest

from tests.dashboards.factories import march_world


@pytest.fixture
def world():
    return march_world()
