"""The benchmark's steps around the load test (scripts/bench.sh runs them in this order):

    manage.py bench_pages prepare            # reminders, 12 months of snapshots, planner statistics
    manage.py bench_pages plan PLAN.json     # who the load test signs in as, and their pages' URLs
    manage.py bench_pages report PLAN.json --locust-csv STATS.csv   # the table, query counts, RLS cost

Demo mode only: it reads the demo users and writes reminders and snapshots.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone

from areas.rls import connected_as_owner, system_scope
from notifications.delivery import deliver
from notifications.sweep import sweep
from notifications.tasks import delivery_batch_size
from scale import bench


class Command(BaseCommand):
    help = "Prepare, plan and report the national-scale benchmark (see scripts/bench.sh)."

    def add_arguments(self, parser):
        parser.add_argument("step", choices=["prepare", "plan", "report"])
        parser.add_argument("plan_file", nargs="?", type=Path)
        parser.add_argument("--users", type=int, default=20)
        parser.add_argument("--locust-csv", type=Path)
        parser.add_argument("--skip", action="append", default=[], help="A page to leave out (repeatable)")

    def handle(self, *args, step, plan_file, users, locust_csv, skip, **options):
        if not settings.DEMO_MODE:
            raise CommandError("The benchmark runs on demo data only, never in production.")
        if step == "prepare":
            self._prepare()
        elif plan_file is None:
            raise CommandError(f"{step} needs the plan file")
        elif step == "plan":
            plan_file.write_text(json.dumps(bench.plan(users, frozenset(skip)), indent=1))
            self.stdout.write(f"Plan for {users} users written to {plan_file}.")
        else:
            self._report(json.loads(plan_file.read_text()), locust_csv)

    def _prepare(self) -> None:
        # The reminders a sweep would leave, delivered in-app; emails go nowhere (the demo
        # users want theirs at once, and the console would print tens of thousands).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            with system_scope():
                claimed = sweep(today=timezone.localdate())
            size = delivery_batch_size()
            for start in range(0, len(claimed), size):
                deliver(claimed[start : start + size])
        self.stdout.write(f"Reminders: {len(claimed)} swept and delivered.")
        # The dashboards draw from monthly snapshots: retake a year of them from the seeded data.
        first = (timezone.localdate().replace(day=1) - timedelta(days=335)).replace(day=1)
        call_command("backfill_snapshots", f"--from={first:%Y-%m}", "--rebuild", stdout=self.stdout)
        # The planner's statistics after the bulk load (only the tables' owner may take them).
        with connected_as_owner(), connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _report(self, plan: dict, locust_csv: Path | None) -> None:
        figures, total = bench.locust_figures(locust_csv) if locust_csv else ({}, {})
        for line in bench.report(bench.measure_pages(plan), figures):
            self.stdout.write(line)
        if total:
            self.stdout.write(
                f"\nAll pages: {total['Request Count']} requests, {total['Failure Count']} failed, "
                f"{float(total['Requests/s']):.1f} requests/s, p50 {total['50%']} ms, p95 {total['95%']} ms."
            )
        username, scoped, bare = bench.rls_ratio()
        self.stdout.write(
            f"Register list, first page for {username}: scoped (roles, row-level security, area "
            f"filter; application role) {scoped:.1f} ms, bare SQL (superuser, no RLS) {bare:.1f} ms: "
            f"scoping costs {(scoped / bare - 1) * 100:+.0f}% (target under +20%)."
        )
