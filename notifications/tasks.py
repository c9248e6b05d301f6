"""Celery tasks: thin wrappers, passing ids, queued only once the transaction that made the
work has committed. Beat runs `sweep` every 15 minutes and `send_digests` each morning (see
CELERY_BEAT_SCHEDULE). Everything they call is idempotent, so a task run twice, retried after
a lost worker (acks_late) or duplicated by a second beat sends nothing twice."""

from functools import partial

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from areas.rls import system_scope
from notifications import delivery
from notifications.sweep import sweep as sweep_rules


def delivery_batch_size() -> int:
    return getattr(settings, "NOTIFICATIONS_DELIVERY_BATCH", 200)


@shared_task
def sweep() -> int:
    """Write every reminder due today into the ledger and queue the delivery of what it claimed."""
    with system_scope():
        claimed = sweep_rules(today=timezone.localdate())
        size = delivery_batch_size()
        for start in range(0, len(claimed), size):
            # robust: a broker that is down must not undo the sweep; the claims it could not
            # queue are taken up again by a later sweep.
            transaction.on_commit(partial(deliver.delay, claimed[start : start + size]), robust=True)
    return len(claimed)


@shared_task
def deliver(notification_ids: list[int]) -> None:
    delivery.deliver(notification_ids)


@shared_task
def send_digests() -> int:
    user_ids = delivery.users_awaiting_digest()
    for user_id in user_ids:
        send_digest.delay(user_id)
    return len(user_ids)


@shared_task
def send_digest(user_id: int) -> int:
    return delivery.send_digest(user_id)
