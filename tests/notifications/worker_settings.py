"""Settings for the Celery worker and beat processes the reliability tests start: the test
settings, pointed at the test run's database, with emails written to files the test can count.

Everything else (the broker, acks_late, reject on worker lost, prefetch 1) is as configured in
config.settings; the broker is the private Redis each test starts (REDIS_URL), used whole:
nothing else shares it, so none of the test settings' per-worker database numbers apply."""

import os

from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES

# The worker is not a pytest process: it connects to the test database itself.
DATABASES["default"]["NAME"] = os.environ["NOTIFICATIONS_TEST_DATABASE"]
DATABASES["default"]["CONN_MAX_AGE"] = 0
CELERY_BROKER_URL = os.environ["REDIS_URL"]

EMAIL_BACKEND = "tests.notifications.mailbox.FileMailbox"
NOTIFICATIONS_RECLAIM_AFTER_SECONDS = float(os.environ.get("NOTIFICATIONS_TEST_RECLAIM_SECONDS", "2"))
NOTIFICATIONS_DELIVERY_BATCH = int(os.environ.get("NOTIFICATIONS_TEST_DELIVERY_BATCH", "200"))

if os.environ.get("NOTIFICATIONS_TEST_SWEEP_EVERY"):
    CELERY_BEAT_SCHEDULE = {
        "notifications-sweep": {
            "task": "notifications.tasks.sweep",
            "schedule": float(os.environ["NOTIFICATIONS_TEST_SWEEP_EVERY"]),
        }
    }
