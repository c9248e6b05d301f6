"""The referrals cast: DSR holders of Thurrock and Newham, a keyworker who refers, and a
public-form poster that passes the spam checks (a form shown long enough ago)."""

import copy
import time
import zlib

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import reverse

from areas.roles import Role
from config.env import redis_url_with_db
from referrals import protection
from tests.factories import user_with_roles
from tests.referrals.factories import public_answers


@pytest.fixture(autouse=True)
def _own_redis_database(settings):
    """The rate limit lives in Redis, which every test suite on this machine shares, and each
    suite's set-up empties its cache database (tests/conftest.py). So that another suite's
    clearing cannot reset a count mid-test, these tests use a Redis database of their own,
    chosen from the test database's name (3 to 15: 0 to 2 are the service's and the suite's)."""
    name = django_settings.DATABASES["default"]["TEST"]["NAME"]
    caches = copy.deepcopy(settings.CACHES)
    caches["default"]["LOCATION"] = redis_url_with_db(
        django_settings.REDIS_CLIENT_URL, 3 + zlib.crc32(name.encode()) % 13
    )
    settings.CACHES = caches
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dsr_holder_newham():
    return user_with_roles("dsr.newham", {"newham": [Role.DSR_HOLDER]})


@pytest.fixture
def keyworker_thurrock():
    return user_with_roles("kw.thurrock", {"thurrock": [Role.KEYWORKER]})


@pytest.fixture
def commissioner_thurrock():
    return user_with_roles("comm.thurrock", {"thurrock": [Role.COMMISSIONER]})


def started(slug: str, seconds_ago: float = 60) -> str:
    return protection.started_token(slug, now=time.time() - seconds_ago)


@pytest.fixture
def post_public(client):
    """post_public(slug, **answers) -> the response to a public form submission that passes
    the spam checks unless the answers say otherwise."""

    def post(slug="thurrock", ip="203.0.113.9", **changes):
        data = public_answers(form_started=started(slug)) | changes
        return client.post(reverse("refer:form", args=[slug]), data, REMOTE_ADDR=ip)

    return post
