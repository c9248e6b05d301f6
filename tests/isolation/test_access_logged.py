"""Access logging by construction: every URL of the matrix, read by each of the area's users,
either shows nothing that identifies a person or writes an access-log row in that request.

Identifying is what the demo data makes recognisable: a person's or a referral's family name
or NHS number, or an area's `canary-<slug>` string, which the demo records carry in their free
text. A new page or endpoint that shows any of them without `audit.logging` fails here."""

import re

import pytest
from django.urls import reverse

from areas.models import Area
from areas.rls import system_scope
from areas.roles import Role
from audit.models import AccessLogEntry
from dsr.models import Person
from referrals.models import Referral
from tests.isolation.conftest import OWN, body_text
from tests.isolation.routes import ROUTES, Kind

pytestmark = pytest.mark.usefixtures("world")

AREA_USERS = [f"{role.value}.{OWN}" for role in Role]
# Pages whose demo text carries the canary but is about no one.
ABOUT_NO_ONE = {"keyworking:policy": "an area's eligibility policies (their description carries the canary)"}
READ = [
    route
    for route in ROUTES
    if route.kind is not Kind.PUBLIC and "GET" in route.methods and route.name not in ABOUT_NO_ONE
]


@pytest.fixture(scope="package")
def identifying(world, django_db_blocker):
    """One pattern matching any identifying detail of the demo data, in any area."""
    with django_db_blocker.unblock(), system_scope():
        details = {f"canary-{slug}" for slug in Area.objects.values_list("slug", flat=True)}
        for model in (Person, Referral):
            for family_name, nhs_number in model.objects.values_list("family_name", "nhs_number"):
                details |= {family_name, nhs_number or ""}
    details.discard("")
    return re.compile("|".join(re.escape(detail) for detail in sorted(details, key=len, reverse=True)), re.I)


def _last_log_id() -> int:
    with system_scope():
        return AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


@pytest.mark.parametrize("route", READ, ids=lambda route: route.name)
def test_what_identifies_a_person_is_shown_only_with_an_access_log_row(route, signed_in_as, identifying):
    url = reverse(route.name, kwargs=route.kwargs(OWN))
    unlogged = []
    for username in AREA_USERS:
        before = _last_log_id()
        response = signed_in_as(username).get(url)
        shown = identifying.search(body_text(response)) if response.status_code < 300 else None
        if shown and _last_log_id() == before:
            unlogged.append(f"{username} saw {shown.group(0)!r} (status {response.status_code})")
    assert unlogged == [], f"{url} shows identifying details without logging them"
