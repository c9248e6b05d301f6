"""Test set-up: the real PostgreSQL (created and migrated as the owning role, used as the
application's role), real Redis, and a fixed cast that always includes someone of another area."""

from importlib import import_module

import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework.test import APIClient

from areas.rls import switch_credentials, system_scope
from areas.roles import Role
from tests.factories import sign_in, user_with_roles
from tests.keyworking.factories import policy
from tests.transactions import load_demo_data, rolled_back_at_end


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test uses the database. Marking them lets pytest-django run the ordinary ones
    before the transactional ones, which flush the tables after each test."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
        if transactional and marker is None:
            item.add_marker(pytest.mark.django_db(transaction=True))
        elif marker is None:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # Create and migrate the test database as the role that owns the tables...
    switch_credentials(settings.DATABASE_OWNER_CREDENTIALS)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # ...then run every test as the application's role, bound by row-level security.
    app_credentials = {"USER": settings.DATABASE_APP_ROLE, "PASSWORD": _app_password()}
    with django_db_blocker.unblock():
        owner = switch_credentials(app_credentials)
        _restore_areas()  # a database kept by --reuse-db was last flushed by a transactional test
    yield
    with django_db_blocker.unblock():
        switch_credentials(owner)  # the owner drops the test database


def _app_password() -> str:
    import dj_database_url

    return dj_database_url.parse(settings.DATABASE_URL)["PASSWORD"]


def _restore_areas() -> None:
    """A transactional test's flush empties every table, the areas from the data migration
    included: put them back, with that migration's own code, before the next test that needs them."""
    from django.apps import apps

    from areas.models import Area

    if not Area.objects.exists():
        import_module("areas.migrations.0002_partnerships_and_areas").create(apps, None)


@pytest.fixture(autouse=True)
def _database_in_system_scope(request):
    """Every test may use the database. What a test sets up directly is written across all
    areas (system scope); each request it makes is scoped to its user by the middleware."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        _restore_areas()
        yield
        return
    request.getfixturevalue("db")
    with system_scope():
        yield


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole synthetic demo data set (`load_demo`), loaded once for the module."""
    with rolled_back_at_end(django_db_blocker):
        load_demo_data()
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


# The cast, one user per fixture: Thurrock (SET) and Newham (NEL) are "our" and "another" area
# throughout. Folders whose tests need more of a user (tests/notifications: emailed at once) wrap
# these fixtures rather than make the users again.
@pytest.fixture
def dsr_holder_thurrock():
    return user_with_roles("dsr.thurrock", {"thurrock": [Role.DSR_HOLDER]})


@pytest.fixture
def dsr_holder_newham():
    return user_with_roles("dsr.newham", {"newham": [Role.DSR_HOLDER]})


@pytest.fixture
def keyworker_thurrock():
    return user_with_roles("kw.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def other_keyworker():
    """A second keyworker in Thurrock."""
    return user_with_roles("kw2.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def keyworker_newham():
    return user_with_roles("kw.newham", {"newham": [Role.KEYWORKER]})


@pytest.fixture
def senior():
    return user_with_roles("senior.thurrock", {"thurrock": [Role.SENIOR_PRACTITIONER]})


@pytest.fixture
def chair_thurrock():
    return user_with_roles("chair.thurrock", {"thurrock": [Role.MDT_CHAIR]})


@pytest.fixture
def chair_newham():
    return user_with_roles("chair.newham", {"newham": [Role.MDT_CHAIR]})


@pytest.fixture
def coordinator_thurrock():
    return user_with_roles("cetr.thurrock", {"thurrock": [Role.CETR_COORDINATOR]})


@pytest.fixture
def coordinator_newham():
    return user_with_roles("cetr.newham", {"newham": [Role.CETR_COORDINATOR]})


@pytest.fixture
def commissioner_thurrock():
    return user_with_roles("comm.thurrock", {"thurrock": [Role.COMMISSIONER]})


@pytest.fixture
def commissioner_newham():
    return user_with_roles("comm.newham", {"newham": [Role.COMMISSIONER]})


@pytest.fixture
def commissioner_set():
    """Commissioner of the whole SET partnership (Southend, Essex, Thurrock)."""
    return user_with_roles("comm.set", {slug: [Role.COMMISSIONER] for slug in ("essex", "southend", "thurrock")})


@pytest.fixture
def commissioner_two():
    """Commissioner of Thurrock (SET) and Newham (NEL): "all your areas" is neither partnership."""
    return user_with_roles("comm.two", {"thurrock": [Role.COMMISSIONER], "newham": [Role.COMMISSIONER]})


@pytest.fixture
def area_admin_thurrock():
    return user_with_roles("admin.thurrock", {"thurrock": [Role.AREA_ADMIN]})


@pytest.fixture
def area_admin_newham():
    return user_with_roles("admin.newham", {"newham": [Role.AREA_ADMIN]})


@pytest.fixture
def ig_lead_thurrock():
    return user_with_roles("ig.thurrock", {"thurrock": [Role.IG_LEAD]})


@pytest.fixture
def ig_lead_newham():
    return user_with_roles("ig.newham", {"newham": [Role.IG_LEAD]})


@pytest.fixture
def no_role_user():
    return user_with_roles("nobody")


# Shorter names for Thurrock's users, where a folder's tests are all about one role.
@pytest.fixture
def keyworker(keyworker_thurrock):
    return keyworker_thurrock


@pytest.fixture
def chair(chair_thurrock):
    return chair_thurrock


@pytest.fixture
def coordinator(coordinator_thurrock):
    return coordinator_thurrock


@pytest.fixture
def commissioner(commissioner_thurrock):
    return commissioner_thurrock


# The tests of keyworking and of the DSR MDT meetings (whose agendas ask keyworking who is
# eligible) run with an eligibility policy in both areas.
POLICY_PACKAGES = ("tests.keyworking.", "tests.dsr.meetings.")


@pytest.fixture(autouse=True)
def _policies(request):
    if not request.module.__name__.startswith(POLICY_PACKAGES):
        return
    if "transactional_db" in request.fixturenames:
        # Set up the transactional database (with the migrations' areas restored) first.
        request.getfixturevalue("transactional_db")
    with system_scope():  # transactional tests run outside the usual system scope
        policy("thurrock")
        policy("newham")


@pytest.fixture
def signed_in(client):
    """signed_in(user) -> the test client, signed in and MFA-verified as that user."""
    return lambda user, **kwargs: sign_in(client, user, **kwargs)


@pytest.fixture
def api_client():
    return APIClient()
