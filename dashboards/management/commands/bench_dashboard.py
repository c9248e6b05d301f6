# ruff: noqa: S311 - made-up benchmark figures, nothing secret: the standard generator is right
"""Measure how fast dashboards render from snapshots at national scale.

    manage.py bench_dashboard [--areas 150] [--partnership-size 7] [--months 60] [--renders 30]

Generates synthetic snapshots (random aggregate counts that add up as real ones do, no
records) for `--areas` made-up areas grouped into partnerships, over `--months` months, then
renders the dashboard page of one area, one partnership and a region of several partnerships
("all your areas") through the whole HTTP stack, `--renders` times each, and prints the
first (uncached) render and the median and 95th percentile of the rest.
Everything it creates is rolled back at the end: nothing is left in the database.
"""

import random
import statistics
import time

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import SIGNED_IN_AT_KEY
from areas.models import Area, Partnership
from areas.rls import system_scope
from areas.roles import Role
from areas.services import role_grant
from dashboards.catalogue import STOCK_FLOWS, count_codes, sum_codes, tables
from dashboards.models import Snapshot
from dashboards.snapshots import month_start


def _split(total: int, parts: int) -> list[int]:
    """A random split of `total` into `parts` counts (some small, some large)."""
    weights = [random.random() ** 2 for _ in range(parts)]
    shares = [int(total * weight / (sum(weights) or 1)) for weight in weights]
    shares[0] += total - sum(shares)
    return shares


def synthetic_month(stocks: dict[str, int], scale: float) -> dict[str, int]:
    """One area-month of made-up figures that obey every relation a reader could use (each
    breakdown adds up to its total; last month's stock plus inflow less outflow is this month's),
    as real snapshots do."""
    figures: dict[str, int] = {}
    for flow in STOCK_FLOWS:
        inflow = random.randint(0, int(12 * scale))
        outflow = random.randint(0, min(stocks[flow.stock] + inflow, int(10 * scale)))
        figures |= {flow.inflow: inflow, flow.outflow: outflow, flow.stock: stocks[flow.stock] + inflow - outflow}
    for table in tables():
        if table.total and table.total.code not in figures:
            figures[table.total.code] = random.randint(0, int(40 * scale))
    for table in tables():
        if table.total:
            figures |= dict(
                zip((s.code for s in table.series), _split(figures[table.total.code], len(table.series)), strict=True)
            )
    for code in count_codes() + sum_codes():
        figures.setdefault(code, random.randint(0, int(30 * scale)))
    return figures


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Render dashboards from generated national-scale snapshots and report p95 render time."

    def add_arguments(self, parser):
        parser.add_argument("--areas", type=int, default=150)
        parser.add_argument("--partnership-size", type=int, default=7)
        parser.add_argument("--months", type=int, default=60)
        parser.add_argument("--renders", type=int, default=30)
        parser.add_argument("--region-partnerships", type=int, default=3)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        random.seed(options["seed"])
        try:
            with transaction.atomic():
                self._run(**options)
                raise Rollback
        except Rollback:
            pass

    def _run(self, *, areas, partnership_size, months, renders, region_partnerships, **options):
        created = self._areas(areas, partnership_size)
        with system_scope():
            started = time.perf_counter()
            self._snapshots(created, months)
            self.stdout.write(
                f"Generated snapshots: {areas} areas × {months} months in {time.perf_counter() - started:.1f}s"
            )
            region = [
                a
                for a in created
                if a.partnership_id in set(sorted({a.partnership_id for a in created})[:region_partnerships])
            ]
            partnership = [a for a in created if a.partnership_id == created[0].partnership_id]
            users = {
                "area": self._user("bench.area", created[:1]),
                "partnership": self._user("bench.partnership", partnership),
                "region (all your areas)": self._user("bench.region", region),
            }
        paths = {
            "area": f"/dashboards/areas/{created[0].slug}/",
            "partnership": f"/dashboards/partnerships/{created[0].partnership.code}/",
            "region (all your areas)": "/dashboards/all/",
        }
        for label, user in users.items():
            # The first render of a scope works out and caches its protected figures (what the
            # nightly task does in advance for areas and partnerships): reported on its own.
            for section in ("register", "inpatients", "keyworking"):
                timings = self._render(user, f"{paths[label]}?section={section}&months=12", renders)
                cold, warm = timings[0], timings[1:]
                p95 = statistics.quantiles(warm, n=20)[-1] if len(warm) > 1 else warm[0]
                self.stdout.write(
                    f"{label:<24} {section:<11} 12 months: first render {cold:7.1f} ms; then median "
                    f"{statistics.median(warm):6.1f} ms, p95 {p95:6.1f} ms ({renders} renders)"
                )

    def _areas(self, count: int, size: int) -> list[Area]:
        areas = []
        for index in range(count):
            if index % size == 0:
                partnership = Partnership.objects.create(
                    code=f"bench-{index // size}", name=f"Bench partnership {index // size}"
                )
            areas.append(
                Area.objects.create(
                    ons_code=f"X{index:08d}", slug=f"bench-{index}", name=f"Bench area {index}", partnership=partnership
                )
            )
        return areas

    def _snapshots(self, areas: list[Area], months: int) -> None:
        last = month_start(timezone.localdate())
        month_list = [last - relativedelta(months=i) for i in reversed(range(months))]
        Snapshot.objects.bulk_create(
            Snapshot(area=area, month=month, final=month != last) for area in areas for month in month_list
        )
        # COPY is refused on tables with row-level security: copy into a temporary table (a
        # million rows in seconds), then insert from it.
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE bench_figure (area_id bigint, month date, code text, value bigint) "
                "ON COMMIT DROP"
            )
            with cursor.connection.cursor().copy("COPY bench_figure FROM STDIN") as copy:
                for area in areas:
                    scale = random.uniform(0.2, 3)
                    stocks = {
                        "register.total": random.randint(0, int(150 * scale)),
                        "inpatients.total": random.randint(0, 15),
                    }
                    for month in month_list:
                        figures = synthetic_month(stocks, scale)
                        stocks = {code: figures[code] for code in stocks}
                        for code, value in figures.items():
                            if value:
                                copy.write_row((area.id, month, code, value))
            cursor.execute("INSERT INTO dashboards_figure (area_id, month, code, value) SELECT * FROM bench_figure")

    def _user(self, username: str, areas: list[Area]):
        user = get_user_model().objects.create_user(username=username, password=None)
        for area in areas:
            role_grant(area=area, user=user, role=Role.COMMISSIONER)
        TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        return user

    def _render(self, user, path: str, renders: int) -> list[float]:
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        session = client.session
        session[SIGNED_IN_AT_KEY] = timezone.now().timestamp()
        session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
        session.save()
        client.get("/healthz")  # the test client's first request starts the middleware (static files)
        timings = []
        for _ in range(renders + 1):
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            timings.append(elapsed)
        return timings
