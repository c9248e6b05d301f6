"""Demo snapshots: the last 12 months of every area, from the other apps' demo records (loaded
before this, in INSTALLED_APPS order). Aggregates only; idempotent (each snapshot is retaken)."""

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from areas.models import Area
from dashboards.snapshots import month_start, snapshots_backfill

DEMO_MONTHS = 12


def load() -> None:
    today = timezone.localdate()
    first = month_start(today) - relativedelta(months=DEMO_MONTHS - 1)
    snapshots_backfill(areas=list(Area.objects.order_by("id")), first=first, last=today, rebuild=True, today=today)
