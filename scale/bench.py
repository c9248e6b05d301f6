"""The national-scale benchmark's pages, its load-test plan, and the measurements made in
process: each page's time alone and query count at page size 1 and 50, and what row-level
security and access scoping cost the register list over the bare SQL. `scripts/bench.sh` (`make bench`) runs it all
through `manage.py bench_pages`; scale/locustfile.py drives the running server from the plan."""

import csv
import random
import statistics
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import psycopg
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import SIGNED_IN_AT_KEY
from areas import access
from areas.demo import DEMO_PASSWORD, DEMO_TOTP_KEY
from areas.models import Area
from areas.rls import area_scope, system_scope
from cetr.models import Review
from config import devservices
from dsr.capabilities import VIEW_REGISTER
from dsr.forms.register import RegisterFilterForm
from dsr.models import Allocation, Meeting, Person, RegisterEntry
from dsr.register_list import RegisterFilters, register_page
from scale.meetings import LOCATION

LIST_MS, DETAIL_MS, DASHBOARD_MS = 150, 100, 300  # the p95 targets
ROLES = ["dsr_holder", "keyworker", "mdt_chair", "cetr_coordinator", "commissioner"]
SAMPLE = 50  # records per detail page to spread the load test over


def _constant(path: str):
    """A page whose size is a module constant (Paginator pages)."""
    return lambda size: (mock.patch(path, size), "")


def _register_form(size: int):
    # The form offers 25 to 200 rows; the patch lets the count at one row be measured too.
    return mock.patch.object(RegisterFilterForm, "page_size", property(lambda form: size)), ""


def _param(size: int):
    return nullcontext(), f"page_size={size}"


def _sample(queryset, view: str, argument: str = "pk") -> list[str]:
    ids = list(queryset.order_by("id").values_list("id", flat=True)[:1000])
    chosen = random.Random(len(ids)).sample(ids, min(SAMPLE, len(ids)))  # noqa: S311 - not a secret
    return [reverse(view, kwargs={argument: pk}) for pk in sorted(chosen)]


@dataclass(frozen=True)
class Page:
    name: str  # the table's row and the load test's request name
    role: str  # the demo user (`<role>.<area>`) who opens it
    target_ms: int
    urls: Callable[[Area, object], list[str]]  # run in system scope
    sized: Callable[[int], tuple[AbstractContextManager, str]] | None = None  # None: not paginated


PAGES = [
    Page("Register list", "dsr_holder", LIST_MS, lambda area, user: [reverse("dsr:register")], _register_form),
    Page(
        "Person page",
        "dsr_holder",
        DETAIL_MS,
        lambda area, user: _sample(Person.objects.filter(area=area), "dsr:person"),
    ),
    Page(
        "API register entries",
        "dsr_holder",
        LIST_MS,
        lambda area, user: [reverse("api-register-entries-list")],
        _param,
    ),
    Page(
        "Referrals queue",
        "dsr_holder",
        LIST_MS,
        lambda area, user: [reverse("referrals:queue", kwargs={"slug": area.slug})],
        _constant("referrals.views.triage.PAGE_SIZE"),
    ),
    Page(
        "Notifications",
        "dsr_holder",
        LIST_MS,
        lambda area, user: [reverse("notifications:list")],
        _constant("notifications.views.PAGE_SIZE"),
    ),
    Page("My caseload", "keyworker", LIST_MS, lambda area, user: [reverse("keyworking:caseload")]),
    Page(
        "Keyworking case",
        "keyworker",
        DETAIL_MS,
        lambda area, user: _sample(Allocation.objects.filter(keyworker=user, ended_on__isnull=True), "keyworking:case"),
    ),
    Page(
        "MDT meetings",
        "mdt_chair",
        LIST_MS,
        lambda area, user: [reverse("dsr:meetings:list")],
        _constant("dsr.meetings.views.PAGE_SIZE"),
    ),
    Page(
        "MDT meeting (40 cases)",
        "mdt_chair",
        DETAIL_MS,
        lambda area, user: _sample(Meeting.objects.filter(area=area, location=LOCATION), "dsr:meetings:detail"),
    ),
    Page(
        "C(E)TR area page",
        "cetr_coordinator",
        LIST_MS,
        lambda area, user: [reverse("cetr:area", kwargs={"slug": area.slug})],
        _constant("cetr.views.areas.PAGE_SIZE"),
    ),
    Page(
        "C(E)TR actions",
        "cetr_coordinator",
        LIST_MS,
        lambda area, user: [reverse("cetr:area-actions", kwargs={"slug": area.slug})],
        _constant("cetr.views.actions.PAGE_SIZE"),
    ),
    Page(
        "C(E)TR review",
        "cetr_coordinator",
        DETAIL_MS,
        lambda area, user: _sample(Review.objects.filter(area=area, held_on__isnull=False), "cetr:review"),
    ),
    Page(
        "Dashboard (area)",
        "commissioner",
        DASHBOARD_MS,
        lambda area, user: [reverse("dashboards:dashboard", kwargs={"scope": f"areas/{area.slug}"})],
    ),
]


# ---------------------------------------------------------------------------- the load-test plan


def plan(users: int, skip: frozenset[str] = frozenset()) -> dict:
    """Who the load test signs in as, and the URLs each opens (leaving out the pages named in
    `skip`). Each role's first user works in the largest area (the worst case, and the one the
    query counts are taken in); the others in other areas, so no two users are the same
    person and none shares a one-time code."""
    with system_scope():
        sizes = dict(RegisterEntry.objects.values_list("area").order_by().annotate(n=Count("id")))
        areas = sorted(Area.objects.all(), key=lambda area: (-sizes.get(area.id, 0), area.name))
        model = get_user_model()
        planned = []
        for index in range(users):
            role, nth = ROLES[index % len(ROLES)], index // len(ROLES)
            area = areas[0] if nth == 0 else areas[(2 * nth + index % len(ROLES)) % (len(areas) - 1) + 1]
            user = model.objects.get(username=f"{role}.{area.slug}")
            pages = {page.name: page.urls(area, user) for page in PAGES if page.role == role and page.name not in skip}
            planned.append({"username": user.username, "pages": {name: urls for name, urls in pages.items() if urls}})
    return {"password": DEMO_PASSWORD, "totp_key": DEMO_TOTP_KEY, "users": planned}


# ---------------------------------------------------------------------------- in-process measures


def _client(user) -> Client:
    """A session as the real sign-in leaves it (password, then MFA), as tests.factories does."""
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    session = client.session
    session[SIGNED_IN_AT_KEY] = timezone.now().timestamp()
    session["otp_device_id"] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
    session.save()
    return client


def _measure(client: Client, url: str, query: str = "") -> tuple[int, float]:
    """(queries, median ms of five requests) for one page, in process: what the page costs
    on its own, with no queue in front of it."""
    client.get(f"{url}?{query}")  # warm: the first request of a process loads more than a page
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{url}?{query}")
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return len(captured), _median_ms(lambda: client.get(f"{url}?{query}"), 5)


def measure_pages(planned: dict) -> dict[str, tuple[int | None, int, float]]:
    """{page: (queries at page size 1, at 50, median ms alone)}: the first URL of each page
    in the plan, as its user. Size 1 is None for pages that are not paginated."""
    model = get_user_model()
    first = {}
    for planned_user in planned["users"]:
        for name, urls in planned_user["pages"].items():
            first.setdefault(name, (planned_user["username"], urls[0]))
    measured = {}
    for page in PAGES:
        if page.name not in first:
            continue
        username, url = first[page.name]
        client = _client(model.objects.get(username=username))
        if page.sized is None:
            measured[page.name] = (None, *_measure(client, url))
            continue
        patch, query = page.sized(1)
        with patch:
            one, _ = _measure(client, url, query)
        patch, query = page.sized(50)
        with patch:
            measured[page.name] = (one, *_measure(client, url, query))
    return measured


def _median_ms(run, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def rls_ratio(repeats: int = 30) -> tuple[str, float, float]:
    """The register list's first page for the DSR holder of the largest area: (username, scoped
    ms, bare ms). Scoped is what a request does as the application role: read the user's roles,
    set the row-level security scope, narrow to the areas, then the rows and the capped count
    under the policies. Bare is the same two SQL statements as the database superuser, which
    row-level security does not apply to."""
    with system_scope():
        largest = RegisterEntry.objects.values("area__slug").order_by().annotate(n=Count("id")).order_by("-n")[0]
    username = f"dsr_holder.{largest['area__slug']}"
    model = get_user_model()

    def page_sql() -> list[str]:
        user = model.objects.get(username=username)
        with area_scope(access.row_scope_area_ids(user)), CaptureQueriesContext(connection) as captured:
            register_page(RegisterFilters(area_ids=access.area_ids_with(user, VIEW_REGISTER)))
        return [query["sql"] for query in captured.captured_queries]

    statements = page_sql()

    def scoped() -> None:
        user = model.objects.get(username=username)  # a fresh user: roles are read again
        with area_scope(access.row_scope_area_ids(user)):
            access.area_ids_with(user, VIEW_REGISTER)
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
                    cursor.fetchall()

    superuser_uri = devservices._postgres_server().get_uri(devservices.DATABASE_NAME)
    with psycopg.connect(superuser_uri) as bare_connection:

        def bare() -> None:
            with bare_connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
                    cursor.fetchall()

        for run in (scoped, bare):  # warm both: plans and pages cached alike
            _median_ms(run, 5)
        return username, _median_ms(scoped, repeats), _median_ms(bare, repeats)


# ---------------------------------------------------------------------------- the report


def locust_figures(stats_csv: Path) -> tuple[dict[str, dict], dict]:
    """{request name: its row} and the aggregated row, from locust's --csv stats file."""
    with stats_csv.open() as handle:
        rows = list(csv.DictReader(handle))
    return {row["Name"]: row for row in rows if row["Name"] != "Aggregated"}, next(
        (row for row in rows if row["Name"] == "Aggregated"), {}
    )


def report(measured: dict, figures: dict[str, dict]) -> list[str]:
    """The markdown table: load-test percentiles against the targets, each page's time alone,
    and query counts (at page size 1 and 50; one figure for pages not paginated)."""
    lines = [
        "| Page | Opened by | p50 ms | p95 ms | Target p95 | Met | Alone ms | Queries (1 / 50 a page) |",
        "|---|---|--:|--:|--:|:-:|--:|--:|",
    ]
    for page in PAGES:
        row = figures.get(page.name)
        p50, p95 = (row["50%"], row["95%"]) if row else ("–", "–")
        met = "–" if not row else ("yes" if float(p95) <= page.target_ms else "**no**")
        one, fifty, alone = measured.get(page.name, (None, None, None))
        queries = "–" if fifty is None else str(fifty) if one is None else f"{one} / {fifty}"
        if one is not None and one != fifty:
            queries += " **grows**"
        alone = "–" if alone is None else f"{alone:.0f}"
        lines.append(
            f"| {page.name} | {page.role} | {p50} | {p95} | ≤ {page.target_ms} | {met} | {alone} | {queries} |"
        )
    return lines
