"""Referrals: a public-form poster that passes the spam checks (a form shown long enough ago).
The cast (DSR holders of Thurrock and Newham, a keyworker who refers) is tests/conftest.py's."""

import time

import pytest
from django.urls import reverse

from referrals import protection
from tests.referrals.factories import public_answers


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
