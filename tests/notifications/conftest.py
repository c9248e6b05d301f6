"""Reminder fixtures: the cast emailed at once (Thurrock's DSR holder is "ours", Newham's is another
area's), a frozen calendar, and a sweep that runs in-process exactly as the worker runs it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from notifications import tasks
from notifications.models import EmailChoice, NotificationPreference

LONDON = ZoneInfo("Europe/London")
DAY_ZERO = date(2026, 3, 2)  # a Monday


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


@pytest.fixture
def frozen():
    """frozen(day): move the clock to 9am (London) on `day`; it stays there until moved."""
    travellers = []

    def move(day: date):
        if travellers:
            travellers.pop().stop()
        traveller = time_machine.travel(at(day), tick=False)
        traveller.start()
        travellers.append(traveller)

    yield move
    for traveller in travellers:
        traveller.stop()


@pytest.fixture
def run_sweep(monkeypatch, django_capture_on_commit_callbacks):
    """run_sweep() -> ids claimed: the beat's sweep task, its on-commit deliveries run here
    rather than on a worker."""
    monkeypatch.setattr(tasks.deliver, "delay", lambda ids: tasks.deliver(ids))

    def run() -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return tasks.sweep()

    return run


def immediate(user):
    NotificationPreference.objects.update_or_create(user=user, defaults={"email": EmailChoice.IMMEDIATE})
    return user


# The cast (tests/conftest.py's), emailed at once.
@pytest.fixture
def holder(dsr_holder_thurrock):
    """Thurrock's DSR holder."""
    return immediate(dsr_holder_thurrock)


@pytest.fixture
def holder_newham(dsr_holder_newham):
    return immediate(dsr_holder_newham)


@pytest.fixture
def keyworker_thurrock(keyworker_thurrock):
    return immediate(keyworker_thurrock)


@pytest.fixture
def coordinator_thurrock(coordinator_thurrock):
    return immediate(coordinator_thurrock)


@pytest.fixture
def chair_thurrock(chair_thurrock):
    return immediate(chair_thurrock)
