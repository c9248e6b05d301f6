"""Take the monthly snapshots the dashboards are drawn from, for past months.

    manage.py backfill_snapshots --from 2024-04 [--to 2025-03] [--area thurrock ...] [--rebuild] [--dry-run]

Months that already have a final snapshot are left as they are (so published trends stay
stable) unless --rebuild is given. Runs in one transaction, across all areas (system scope):
it writes aggregate counts only.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from areas.models import Area
from areas.rls import system_scope
from dashboards.snapshots import month_start, months_between, snapshots_backfill


def _month(text: str) -> date:
    try:
        year, month = text.split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        raise CommandError(f"Give months as YYYY-MM, not {text!r}") from None


class Command(BaseCommand):
    help = "Take missing monthly dashboard snapshots for past months (all of them with --rebuild)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", required=True, type=_month, help="First month, YYYY-MM")
        parser.add_argument("--to", dest="last", type=_month, help="Last month, YYYY-MM (default: this month)")
        parser.add_argument("--area", action="append", default=[], help="Area slug (repeatable; default: all)")
        parser.add_argument("--rebuild", action="store_true", help="Retake final snapshots too")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be taken; change nothing")

    def handle(self, *args, first, last, area, rebuild, dry_run, **options):
        today = timezone.localdate()
        last = last or month_start(today)
        if first > last:
            raise CommandError("--from must not be after --to")
        if first > today:
            raise CommandError("--from is in the future")
        with transaction.atomic(), system_scope():
            areas = list(Area.objects.order_by("name"))
            if area:
                areas = [a for a in areas if a.slug in area]
                unknown = set(area) - {a.slug for a in areas}
                if unknown:
                    raise CommandError(f"No such area: {', '.join(sorted(unknown))}")
            if dry_run:
                months = months_between(first, min(last, today))
                self.stdout.write(f"Would take up to {len(areas) * len(months)} snapshots ({len(areas)} areas).")
                return
            taken = snapshots_backfill(areas=areas, first=first, last=last, rebuild=rebuild, today=today)
        self.stdout.write(f"Took {len(taken)} snapshots.")
