"""Demo reminders: one sweep, as beat would run it, so that demo users find notifications
waiting. Idempotent (the ledger's unique key); demo users take the daily digest, so nothing is
emailed here."""

from django.utils import timezone

from areas.rls import system_scope
from notifications.delivery import deliver
from notifications.sweep import sweep


def load() -> None:
    with system_scope():
        claimed = sweep(today=timezone.localdate())
    deliver(claimed)
