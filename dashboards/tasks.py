"""The nightly snapshot task (CELERY_BEAT_SCHEDULE "dashboards-snapshots"): a thin wrapper,
idempotent, in the system scope because it counts across every area."""

from celery import shared_task

from areas.rls import system_scope
from dashboards.figures import dashboard
from dashboards.scopes import every_scope
from dashboards.snapshots import snapshots_take_due

WARM_MONTHS = 36


@shared_task
def take_snapshots() -> int:
    """Take the due snapshots, then work out (and cache) every area's and partnership's
    protected figures, so that the first reader of the day waits no longer than the next."""
    # Deliberately across all areas: it writes aggregates for each area, and nothing leaves
    # the task but counts.
    with system_scope():
        taken = len(snapshots_take_due())
        for scope in every_scope():
            dashboard(scope, months=WARM_MONTHS)
    return taken
