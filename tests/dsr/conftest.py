"""The register's helpers, on top of tests/conftest.py (and its cast)."""

import pytest


@pytest.fixture
def holder_client(signed_in, dsr_holder_thurrock):
    return signed_in(dsr_holder_thurrock)
