"""Generate national-scale synthetic data for benchmarks: `manage.py seed_scale --people 100000`.

People, register entries, rating and consent histories, episodes, family contacts, keyworker
allocations with their casework (and enough synthetic keyworkers for realistic caseloads),
C(E)TRs with panels, recommendations and actions, and an upcoming MDT meeting per area.
Reproducible: the same --seed gives the same data. Demo mode only (it loads the demo users
first and writes straight to the database). `make bench` runs it on a database of its own.
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
from scale import cetr, keyworking, meetings, register

# Rough shares of the 0–25 population by area (ONS codes): how the people are spread.
AREA_SHARES = {
    "E10000012": 33,
    "E06000033": 4,
    "E06000034": 4,
    "E09000002": 6,
    "E09000012": 7,
    "E09000016": 5,
    "E09000025": 9,
    "E09000026": 7,
    "E09000030": 8,
    "E09000031": 6,
}
# People seeded per transaction. The history triggers' cost per row grows with the size of the
# transaction (5,000 contacts took 1.8 s in a fresh one, 6.8 s after 25,000 more rows in the
# same one), so one transaction per area made Essex alone take over half an hour.
CHUNK = 2000


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
        counts = {area.id: round(people * AREA_SHARES.get(area.ons_code, 1) / total_share) for area in areas}
        largest = max(counts, key=counts.get)
        counts[largest] += people - sum(counts.values())  # rounding: exactly --people in all
        started = time.monotonic()
        with transaction.atomic(), system_scope():
            for area in areas:
                keyworking.synthetic_keyworkers(area, counts[area.id])
            staff = {item.area_id: item for item in register.staff_by_area(areas)}
        for area in areas:
            entries = []
            for start in range(0, counts[area.id], CHUNK):
                with transaction.atomic(), system_scope():
                    size = min(CHUNK, counts[area.id] - start)
                    seeded = register.seed_people(rng, staff[area.id], size, today, numbers)
                    register.seed_contacts(rng, seeded)
                    chunk = register.seed_entries(rng, seeded, today)
                    histories = register.seed_histories(rng, staff[area.id], chunk, today)
                    keyworking.seed_casework(rng, histories.allocations, today)
                    cetr.seed_reviews(rng, chunk, histories.episodes, cetr.coordinator_id(area.slug), today)
                entries += chunk
            with transaction.atomic(), system_scope():
                meetings.seed_meeting(area, entries, staff[area.id].holder_id, today)
            self.stdout.write(f"{area.name}: {counts[area.id]} people ({time.monotonic() - started:.0f} s)")
        self.stdout.write(f"Seeded {people} people in {time.monotonic() - started:.0f} s.")
