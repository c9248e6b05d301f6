"""Helpers for keyworking and meeting tests: eligibility policies, eligible people, allocations."""

from datetime import date, timedelta

from django.utils import timezone

from dsr.models import Diagnosis, Rating
from keyworking.models import EligibilityPolicy
from keyworking.services.allocations import allocation_create
from tests.factories import UserFactory, area, entry

TODAY = timezone.localdate()
ALL_DIAGNOSES = [Diagnosis.LEARNING_DISABILITY, Diagnosis.AUTISM, Diagnosis.BOTH]


def policy(slug: str = "thurrock", *, effective_from=date(2020, 1, 1), ratings=None, max_age=17, **terms):
    return EligibilityPolicy.objects.create(
        area=area(slug),
        service=f"{slug} keyworking",
        effective_from=effective_from,
        diagnoses=terms.pop("diagnoses", ALL_DIAGNOSES),
        ratings=ratings or [Rating.AMBER, Rating.RED, Rating.BLUE],
        min_age=terms.pop("min_age", 0),
        max_age=max_age,
        **terms,
    )


def eligible_entry(slug: str = "thurrock", *, rating=Rating.RED, days_ago: int = 30, **details):
    """A person on the register for `days_ago` days, rated `rating` since then, aged 12."""
    from dsr.models.entry import EntryStatus
    from dsr.services.entries import entry_open
    from dsr.services.ratings import rating_record
    from tests.factories import person

    details.setdefault("date_of_birth", TODAY.replace(year=TODAY.year - 12) - timedelta(days=40))
    content = {field: details.pop(field) for field in ("current_issues", "tried", "could_help") if field in details}
    added = TODAY - timedelta(days=days_ago)
    opened = entry_open(person=person(slug, **details), status=EntryStatus.ACTIVE, on=added, **content)
    rater = UserFactory(username=f"rater.{slug}")
    rating_record(entry=opened, rating=rating, reason="Set up for a test", decided_on=added, decided_by=rater)
    opened.refresh_from_db()
    return opened


def allocated(entry_, keyworker, *, by=None, on=None):
    return allocation_create(
        entry=entry_,
        keyworker=keyworker,
        allocated_by=by or UserFactory(username="allocator"),
        on=on or TODAY - timedelta(days=1),  # a day back: contacts "an hour ago" fall after it at any time of day
    )


__all__ = ["TODAY", "allocated", "eligible_entry", "entry", "policy"]
