"""Generate national-scale synthetic data for benchmarks: `manage.py seed_scale --people 100000`.

Reproducible: the same --seed gives the same data. Demo mode only (it loads the demo users
first and writes straight to the database). Run it on the `make run` database, then `make bench`.
"""

import random
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from areas.models import Area
from areas.rls import system_scope
from scale import register

# Rough shares of the 0–25 population by area (ONS codes): how the people are spread.
AREA_SHARES = {
    "E10000012": 33, "E06000033": 4, "E06000034": 4, "E09000002": 6, "E09000012": 7, "E09000016": 5,
    "E09000025": 9, "E09000026": 7, "E09000030": 8, "E09000031": 6,
}  # fmt: skip


class Command(BaseCommand):
    help = "Generate synthetic national-scale data (demo mode only)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, people, seed, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Synthetic data is only generated in demo mode, never in production.")
        call_command("load_demo", verbosity=0)
        rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
        today = timezone.localdate()
        numbers = register.synthetic_nhs_numbers()
        areas = list(Area.objects.order_by("ons_code"))
        total_share = sum(AREA_SHARES.get(area.ons_code, 1) for area in areas)
        started = time.monotonic()
        with system_scope():
            staff = {item.area_id: item for item in register.staff_by_area(areas)}
        for area in areas:
            count = round(people * AREA_SHARES.get(area.ons_code, 1) / total_share)
            with transaction.atomic(), system_scope():
                seeded = register.seed_people(rng, staff[area.id], count, today, numbers)
                entries = register.seed_entries(rng, seeded, today)
                register.seed_histories(rng, staff[area.id], entries, today)
            self.stdout.write(f"{area.name}: {count} people ({time.monotonic() - started:.0f} s)")
        self.stdout.write(f"Seeded {people} people in {time.monotonic() - started:.0f} s.")
