"""bench_sweep: time a reminder sweep over a large synthetic register.

    .venv/bin/python manage.py bench_sweep [--entries 100000]

Everything happens inside one transaction that is rolled back at the end, so the database it
runs against (the development database by default, or any throwaway copy named by
DATABASE_URL) is left exactly as it was. It adds synthetic people and active register entries
spread over every area, with ratings and review dates from three weeks overdue to six weeks
ahead, and one DSR holder per area (made for the run if the area has none; they take the daily
digest, so nothing is emailed). It then times: the sweep (every rule evaluated, the ledger
written and claimed), a second sweep (nothing new: the idempotent case), and in-app delivery
of everything claimed, in the batches the worker would use. Refused outside demo mode.
"""

import random
import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from areas.models import Area
from areas.rls import system_scope
from areas.roles import Role
from areas.services import role_grant
from dsr.models import Diagnosis, Person, Rating, RegisterEntry
from dsr.models.entry import EntryStatus
from notifications import delivery, rules
from notifications.models import EmailChoice, Notification, NotificationPreference
from notifications.sweep import insert_due, sweep
from notifications.tasks import delivery_batch_size


class Rollback(Exception):
    """Raised to undo the whole run."""


class Command(BaseCommand):
    help = "Time a reminder sweep over a synthetic register of N entries (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=100_000)

    def handle(self, *args, entries: int, **options):
        if not settings.DEMO_MODE:
            raise CommandError("bench_sweep adds synthetic data: it runs only in demo mode (local settings).")
        try:
            with system_scope():
                self._run(entries)
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is as it was.")

    def _run(self, count: int) -> None:
        today = timezone.localdate()
        areas = list(Area.objects.all())
        self._holders(areas)
        started = time.perf_counter()
        self._register(areas, count, today)
        self.stdout.write(f"Made {count} people and register entries in {time.perf_counter() - started:.1f}s")

        started = time.perf_counter()
        claimed = sweep(today=today)
        first = time.perf_counter() - started
        self.stdout.write(f"Sweep over {count} entries: {len(claimed)} reminders written and claimed in {first:.2f}s")

        started = time.perf_counter()
        again = sweep(today=today)
        self.stdout.write(f"Second sweep: {len(again)} new in {time.perf_counter() - started:.2f}s")
        for rule in rules.all_rules():  # where a sweep's time goes, rule by rule (all no-ops now)
            started = time.perf_counter()
            insert_due(rule, today)
            self.stdout.write(f"  {rule.code}: {time.perf_counter() - started:.2f}s")

        started = time.perf_counter()
        size = delivery_batch_size()
        for start in range(0, len(claimed), size):
            delivery.deliver(claimed[start : start + size])
        delivered = Notification.objects.filter(delivered_at__isnull=False).count()
        self.stdout.write(f"Delivered {delivered} in-app in {time.perf_counter() - started:.2f}s")

    def _holders(self, areas: list[Area]) -> None:
        from django.contrib.auth import get_user_model

        for area in areas:
            user, _ = get_user_model().objects.get_or_create(
                username=f"bench.holder.{area.slug}", defaults={"email": f"bench.{area.slug}@example.nhs.uk"}
            )
            role_grant(area=area, user=user, role=Role.DSR_HOLDER)
        holders = get_user_model().objects.filter(role_grants__permission__codename=Role.DSR_HOLDER.value)
        for user in holders.distinct():
            NotificationPreference.objects.update_or_create(user=user, defaults={"email": EmailChoice.DIGEST})

    def _register(self, areas: list[Area], count: int, today) -> None:
        chance = random.Random(7)  # noqa: S311 - synthetic data, not security
        ratings = [Rating.RED, Rating.AMBER, Rating.AMBER, Rating.GREEN, Rating.GREEN, Rating.GREEN, Rating.BLUE]
        batch = 5_000
        for start in range(0, count, batch):
            people = Person.objects.bulk_create(
                Person(
                    area=areas[n % len(areas)],
                    given_name="Bench",
                    family_name=f"Synthetic {n}",
                    date_of_birth=today - timedelta(days=chance.randint(5 * 365, 24 * 365)),
                    diagnosis=Diagnosis.AUTISM,
                )
                for n in range(start, min(start + batch, count))
            )
            RegisterEntry.objects.bulk_create(
                RegisterEntry(
                    area_id=person.area_id,
                    person=person,
                    register="children",
                    status=EntryStatus.ACTIVE,
                    current_rating=chance.choice(ratings),
                    next_review_due=today + timedelta(days=chance.randint(-21, 42)),
                )
                for person in people
            )
