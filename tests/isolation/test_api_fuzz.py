"""API fuzzing: schemathesis generates requests from /api/schema/ and sends them, as several
roles, through the real WSGI stack. No 500s, no answers that break the schema, and no answer
showing another area's canary."""

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)

from accounts.tokens import api_token_create
from areas.models import Area
from tests.isolation.conftest import OWN
from tests.transactions import rolled_back_at_end

FUZZED_AS = {
    "dsr_holder.thurrock": {OWN},
    "keyworker.thurrock": {OWN},
    "cetr_coordinator.thurrock": {OWN},
    "commissioner.set": {"essex", "southend", "thurrock"},
    "keyworker.nel": {
        "barking-and-dagenham",
        "city-and-hackney",
        "havering",
        "newham",
        "redbridge",
        "tower-hamlets",
        "waltham-forest",
    },
}

# What "within its schema" means here: no server error, and every answer's body, content type and
# headers match what the schema documents. Refusals (400 with field errors, 401, 404 for other
# areas' records) are the access rules working, so their status codes are not checked against
# the documented list.
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, response_headers_conformance]

pytestmark = pytest.mark.usefixtures("world")


def _load_schema():
    """The schema /api/schema/ serves, generated here (at collection, before any database);
    the calls go to the application in-process through WSGI."""
    loaded = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
    loaded.app = get_wsgi_application()
    return loaded


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # As Django's test client does: keep the test's connection (and its transaction) open
    # across requests instead of closing it at the end of each.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = _load_schema()


@pytest.fixture(scope="module")
def bearers(world, django_db_blocker):
    """Each caller's Authorization header, with a token made once for the module (not once
    for each of the thousands of generated requests) and gone after it."""
    with rolled_back_at_end(django_db_blocker):
        headers = {}
        for username in FUZZED_AS:
            _, raw = api_token_create(user=get_user_model().objects.get(username=username), name="fuzzing")
            headers[username] = {"Authorization": f"Bearer {raw}"}
        yield headers


def _fuzz_as(username: str):
    """One generated test per caller (schemathesis' lazy schema takes no pytest parameters)."""

    @schema.parametrize()
    @settings(
        max_examples=15,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def test(case, bearers):
        headers, allowed = bearers[username], FUZZED_AS[username]
        response = case.call(headers=headers)
        assert response.status_code < 500, response.text[:500]
        case.validate_response(response, headers=headers, checks=CHECKS)
        text = response.text.lower()
        slugs = Area.objects.values_list("slug", flat=True)
        assert [slug for slug in slugs if slug not in allowed and f"canary-{slug}" in text] == []

    return test


for _username in FUZZED_AS:
    globals()[f"test_api_as_{_username.replace('.', '_').replace('-', '_')}"] = _fuzz_as(_username)
