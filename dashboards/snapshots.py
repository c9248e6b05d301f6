"""Taking monthly snapshots: each area's raw figures for a month, kept so that dashboards
render quickly and past months stay as they were published.

A snapshot taken after its month has ended is final; the nightly task never retakes a final
snapshot (the backfill command can, with --rebuild). The month in progress is retaken every
night as a provisional snapshot, counted up to that day.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from areas.models import Area
from dashboards.collect import collect
from dashboards.models import Figure, Snapshot


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(month: date) -> date:
    return month_start(month) + relativedelta(months=1, days=-1)


def months_between(first: date, last: date) -> list[date]:
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month += relativedelta(months=1)
    return months


@transaction.atomic
def snapshot_take(*, area: Area, month: date, today: date | None = None) -> Snapshot:
    """(Re)take one area's snapshot of one month: the month's figures as they stand today."""
    today = today or timezone.localdate()
    month = month_start(month)
    if month > today:
        raise ValueError("A month that has not begun has no figures yet")
    last = min(month_end(month), today)
    figures = collect(area, month, last)
    Figure.objects.filter(area=area, month=month).delete()
    # Zeros are not stored: a code missing from a snapshot counts 0.
    Figure.objects.bulk_create(
        Figure(area=area, month=month, code=code, value=value) for code, value in sorted(figures.items()) if value
    )
    snapshot, _ = Snapshot.objects.update_or_create(
        area=area, month=month, defaults={"taken_at": timezone.now(), "final": month_end(month) < today}
    )
    return snapshot


def snapshots_take_due(*, today: date | None = None) -> list[Snapshot]:
    """What the nightly task does for every area: finalise last month if its final snapshot is
    missing, and retake this month's provisional one. Safe to run any number of times."""
    today = today or timezone.localdate()
    this_month = month_start(today)
    last_month = this_month - relativedelta(months=1)
    final = set(Snapshot.objects.filter(month=last_month, final=True).values_list("area_id", flat=True))
    taken = []
    for area in Area.objects.order_by("id"):
        if area.id not in final:
            taken.append(snapshot_take(area=area, month=last_month, today=today))
        taken.append(snapshot_take(area=area, month=this_month, today=today))
    return taken


def snapshots_backfill(
    *, areas, first: date, last: date, rebuild: bool = False, today: date | None = None
) -> list[Snapshot]:
    """Take every missing snapshot from `first` to `last` (all of them with `rebuild`)."""
    today = today or timezone.localdate()
    months = months_between(first, min(last, today))
    existing = set(
        Snapshot.objects.filter(area__in=areas, month__in=months, final=True).values_list("area_id", "month")
    )
    taken = []
    for area in areas:
        for month in months:
            if rebuild or (area.id, month) not in existing:
                taken.append(snapshot_take(area=area, month=month, today=today))
    return taken
