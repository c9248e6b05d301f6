"""A commissioner reaches no identifiable data anywhere: every page and API endpoint of the
register, keyworking, C(E)TRs, referrals and notifications, asked for every record of their
own area, answers "not found" (or "not allowed"), or answers without a name, a record's free
text or an NHS number."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tokens import api_token_create
from tests.factories import sign_in
from tests.isolation.urls import served_urls

FOREIGN_APPS = ("dsr", "keyworking", "cetr", "referrals", "notifications")
IDENTIFYING = ("Dashboardtest", "canary-thurrock", "Examplechild", "Exampleparent")
REFUSED = {302, 400, 401, 403, 404, 405}
_PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _record_ids(world) -> list[int]:
    from cetr.models import Action, Review
    from dsr.models import Allocation
    from referrals.models import Referral

    ids = {entry.id for entry in world.entries.values()}
    ids |= {entry.person_id for entry in world.entries.values()}
    ids |= {episode.id for episode in world.episodes.values()}
    for model in (Review, Action, Allocation, Referral):
        ids |= set(model.objects.values_list("id", flat=True))
    return sorted(ids)


def _urls(route: str, ids: list[int]) -> list[str]:
    parameters = _PARAMETER.findall(route)
    if not parameters:
        return ["/" + route]
    urls = []
    for record_id in ids:
        url = route
        for converter, name in parameters:
            value = "thurrock"
            if converter == "int":
                value = str(record_id)
            elif converter in ("uuid",):
                value = "00000000-0000-0000-0000-000000000000"
            elif converter == "month":
                value = "2026-03"
            url = url.replace(f"<{converter + ':' if converter else ''}{name}>", value, 1)
        urls.append("/" + url)
    return sorted(set(urls))


def _foreign_routes():
    for served in served_urls():
        namespace = served.name.split(":")[0]
        if namespace in FOREIGN_APPS or (served.route.startswith("api/v1/") and "dashboard" not in served.route):
            yield served


def _check(response, url):
    assert response.status_code != 500, url
    if response.status_code in REFUSED:
        return
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    for forbidden in IDENTIFYING:
        assert forbidden not in text, (url, forbidden)
    assert not re.search(r"\b\d{10}\b", text) or "nhs" not in text.lower(), url


@pytest.mark.parametrize("holder", ["commissioner_thurrock", "commissioner_set"])
def test_commissioners_reach_no_identifiable_page(request, world, holder):
    user = request.getfixturevalue(holder)
    client = sign_in(Client(), user)
    ids = _record_ids(world)
    checked = 0
    for served in _foreign_routes():
        if served.route.startswith("api/"):
            continue
        for url in _urls(served.route, ids):
            _check(client.get(url), url)
            checked += 1
    assert checked > 50  # the routes were really found and tried


def test_commissioners_reach_no_identifiable_api_answer(world, commissioner_thurrock, api_client):
    _, raw = api_token_create(user=commissioner_thurrock, name="reach", lifetime_days=1)
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    ids = _record_ids(world)
    checked = 0
    for served in _foreign_routes():
        if not served.route.startswith("api/"):
            continue
        for url in _urls(served.route, ids):
            _check(api_client.get(url), url)
            checked += 1
    assert checked > 5


def test_the_world_really_holds_identifiable_records(world, signed_in, dsr_holder_thurrock):
    """The check above could not fail if nothing identifiable existed: a DSR holder sees names."""
    response = signed_in(dsr_holder_thurrock).get(reverse("dsr:register"))
    assert b"Dashboardtest" in response.content
