"""The referrals cast: DSR holders of Thurrock and Newham, a keyworker who refers, and a
public-form poster that passes the spam checks (a form shown long enough ago)."""

import time

import pytest
from django.urls import reverse

from areas.roles import Role
from referrals import protection
from tests.factories import user_with_roles
from tests.referrals.factories import public_answers


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
