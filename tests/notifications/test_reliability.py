"""Reliability with a real Celery worker and a real Redis broker: every reminder once, none
lost, none duplicated, when a worker is killed mid-sweep, when two beats schedule sweeps at
once, and when Redis restarts and loses its queues.

The workers run against this test's committed data (transactional_db); emails are files in a
mailbox (tests.notifications.mailbox), each carrying its ledger row's Message-ID."""

import time
from datetime import timedelta
from importlib import import_module

import pytest
from django.db import connection
from django.utils import timezone

from areas.rls import system_scope
from areas.roles import Role
from dsr.models import Rating, RegisterEntry
from notifications.models import Notification
from tests.factories import entry, user_with_roles
from tests.notifications.conftest import immediate
from tests.notifications.processes import Cluster, PrivateRedis, wait_for

pytestmark = pytest.mark.slow


def _areas() -> None:
    """The areas, as their data migration makes them (idempotent): an earlier transactional
    test's flush must not leave these tests without them."""
    from django.apps import apps

    create = import_module("areas.migrations.0002_partnerships_and_areas").create
    with system_scope():
        create(apps, None)


@pytest.fixture
def cluster(transactional_db, tmp_path):
    _areas()
    server = PrivateRedis(tmp_path)
    server.start()
    running = Cluster(tmp_path, connection.settings_dict["NAME"], server)
    yield running
    running.stop()  # before the test database is flushed: the workers hold connections to it
    server.kill()


def overdue_reviews(count: int):
    """`count` register reviews overdue today, and one DSR holder emailed at once: `count`
    reminders to send. Committed, so the worker sees them."""
    with system_scope():
        holder = immediate(user_with_roles("holder.thurrock", {"thurrock": [Role.DSR_HOLDER]}))
        ids = [entry(rating=Rating.RED, decided_by=holder, given_name=f"Person{n}").id for n in range(count)]
        RegisterEntry.objects.filter(id__in=ids).update(next_review_due=timezone.localdate() - timedelta(days=3))
    return holder


def ledger():
    with system_scope():
        return list(Notification.objects.values_list("id", "delivered_at"))


def delivered_count() -> int:
    return sum(1 for _, delivered_at in ledger() if delivered_at is not None)


def assert_each_sent_exactly_once(cluster, count: int) -> None:
    rows = ledger()
    assert len(rows) == count
    assert all(delivered_at is not None for _, delivered_at in rows)
    assert sorted(cluster.message_ids()) == sorted(f"<notification-{pk}@127.0.0.1>" for pk, _ in rows)


def test_a_worker_killed_mid_sweep_loses_and_duplicates_nothing(cluster):
    cluster.settings = {"NOTIFICATIONS_TEST_MAIL_DELAY": "0.4", "NOTIFICATIONS_TEST_RECLAIM_SECONDS": "2"}
    overdue_reviews(12)
    first = cluster.worker("first")
    cluster.send_sweep()
    wait_for(lambda: len(cluster.message_ids()) >= 3, what="the first emails")
    # Kill it in the middle of sending the next one (each takes 0.4s), with acks_late.
    time.sleep(0.15)
    cluster.kill(first)
    sent_before = len(cluster.message_ids())
    assert 3 <= sent_before < 12
    assert delivered_count() == sent_before  # every email sent was recorded; the rest wait

    cluster.worker("second")
    time.sleep(2.5)  # the dead worker's claims go stale
    cluster.send_sweep()
    wait_for(lambda: delivered_count() == 12, what="the rest to be sent")
    cluster.send_sweep()  # and once more: nothing left to send
    wait_for(lambda: cluster.sweeps_done("second") == 2, what="the last sweep")
    assert_each_sent_exactly_once(cluster, 12)


def test_two_beats_scheduling_sweeps_at_once_duplicate_nothing(cluster):
    # Two beat schedulers each queue a sweep every half second; two worker processes run them
    # side by side; claims go stale after half a second, so sweeps keep re-claiming rows that
    # another worker is in the middle of emailing.
    cluster.settings = {
        "NOTIFICATIONS_TEST_MAIL_DELAY": "0.2",
        "NOTIFICATIONS_TEST_RECLAIM_SECONDS": "0.5",
        "NOTIFICATIONS_TEST_SWEEP_EVERY": "0.5",
        "NOTIFICATIONS_TEST_DELIVERY_BATCH": "3",
    }
    overdue_reviews(10)
    cluster.worker("worker", concurrency=2)
    cluster.beat("beat-one")
    cluster.beat("beat-two")
    wait_for(lambda: delivered_count() == 10, what="every reminder to be sent")
    wait_for(lambda: cluster.sweeps_done("worker") >= 10, what="more sweeps after the last send")
    assert "beat: Starting" in cluster.log("beat-one")
    assert "beat: Starting" in cluster.log("beat-two")
    assert_each_sent_exactly_once(cluster, 10)


def test_reminders_still_go_out_after_redis_restarts_and_loses_its_queue(cluster):
    # Each reminder is its own delivery task, so most are still queued when Redis dies.
    cluster.settings = {
        "NOTIFICATIONS_TEST_MAIL_DELAY": "0.3",
        "NOTIFICATIONS_TEST_RECLAIM_SECONDS": "2",
        "NOTIFICATIONS_TEST_DELIVERY_BATCH": "1",
    }
    overdue_reviews(8)
    cluster.worker("worker")
    cluster.send_sweep()
    wait_for(lambda: len(cluster.message_ids()) >= 2, what="the first emails")
    cluster.redis.kill()
    lost = 8 - delivered_count()
    assert lost > 0
    cluster.redis.start()  # empty: the queued deliveries are gone
    time.sleep(2.5)
    cluster.send_sweep()  # the next beat tick
    wait_for(lambda: delivered_count() == 8, what="the lost reminders to be sent")
    assert_each_sent_exactly_once(cluster, 8)
