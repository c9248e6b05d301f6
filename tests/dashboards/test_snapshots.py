"""The nightly task, its beat entry, the backfill command, and snapshot rules."""

from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from dashboards import tasks
from dashboards.models import Figure, Snapshot
from dashboards.snapshots import month_end, snapshot_take, snapshots_take_due
from tests.dashboards.factories import MARCH, TODAY
from tests.factories import area, entry


def test_the_beat_runs_the_snapshot_task_every_night():
    beat = settings.CELERY_BEAT_SCHEDULE["dashboards-snapshots"]
    assert beat["task"] == "dashboards.tasks.take_snapshots"


def test_a_snapshot_after_the_month_is_final_and_one_during_it_provisional():
    assert snapshot_take(area=area("thurrock"), month=MARCH, today=TODAY).final
    assert not snapshot_take(area=area("thurrock"), month=date(2026, 11, 1), today=TODAY).final


def test_a_month_not_yet_begun_has_no_snapshot():
    with pytest.raises(ValueError, match="not begun"):
        snapshot_take(area=area("thurrock"), month=date(2026, 12, 1), today=TODAY)


def test_nightly_run_finalises_last_month_once_and_refreshes_this_month():
    entry("thurrock")
    snapshots_take_due(today=date(2026, 12, 1))
    november = Snapshot.objects.get(area=area("thurrock"), month=date(2026, 11, 1))
    assert november.final
    taken_at = november.taken_at
    snapshots_take_due(today=date(2026, 12, 2))
    november.refresh_from_db()
    assert november.taken_at == taken_at  # final: never retaken, so trends stay stable
    december = Snapshot.objects.get(area=area("thurrock"), month=date(2026, 12, 1))
    assert not december.final


def test_the_task_takes_snapshots_for_every_area(django_capture_on_commit_callbacks):
    taken = tasks.take_snapshots()
    assert taken >= 10
    assert Snapshot.objects.filter(area=area("newham")).exists()


def test_snapshots_hold_no_zeros_and_no_identifiers():
    entry("thurrock")  # added today (the real date): snapshot this month so that it counts
    today = timezone.localdate()
    snapshot_take(area=area("thurrock"), month=today.replace(day=1), today=today)
    figures = Figure.objects.filter(area=area("thurrock"))
    assert figures.exists()
    assert not figures.filter(value=0).exists()
    assert {field.name for field in Figure._meta.fields} == {"id", "area", "month", "code", "value"}


def test_backfill_takes_missing_months_and_leaves_final_ones():
    out = StringIO()
    call_command("backfill_snapshots", "--from", "2026-01", "--to", "2026-03", "--area", "thurrock", stdout=out)
    assert "Took 3 snapshots" in out.getvalue()
    call_command("backfill_snapshots", "--from", "2026-01", "--to", "2026-03", "--area", "thurrock", stdout=out)
    assert "Took 0 snapshots" in out.getvalue()
    call_command(
        "backfill_snapshots", "--from", "2026-01", "--to", "2026-03", "--area", "thurrock", "--rebuild", stdout=out
    )
    assert "Took 3 snapshots" in out.getvalue().splitlines()[-1]


def test_backfill_dry_run_changes_nothing():
    out = StringIO()
    call_command("backfill_snapshots", "--from", "2026-01", "--dry-run", stdout=out)
    assert "Would take" in out.getvalue()
    assert not Snapshot.objects.exists()


@pytest.mark.parametrize(
    "arguments",
    [["--from", "2026-13"], ["--from", "2026-05", "--to", "2026-01"], ["--from", "2026-01", "--area", "nowhere"]],
)
def test_backfill_refuses_bad_arguments(arguments):
    with pytest.raises(CommandError):
        call_command("backfill_snapshots", *arguments, stdout=StringIO())


def test_month_end():
    assert month_end(date(2024, 2, 1)) == date(2024, 2, 29)


def test_bench_reports_p95(capsys):
    out = StringIO()
    call_command(
        "bench_dashboard", "--areas", "4", "--partnership-size", "2", "--months", "3", "--renders", "2", stdout=out
    )
    assert "p95" in out.getvalue()
    assert not Snapshot.objects.filter(area__slug__startswith="bench-").exists()
