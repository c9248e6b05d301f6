"""Allocating, reallocating and closing keyworking; one open allocation per person, even when
two chairs allocate at the same moment."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from areas.rls import system_scope
from dsr.models import Allocation, Rating
from keyworking.services.allocations import allocation_close, allocation_create, allocation_reallocate
from tests.factories import UserFactory
from tests.keyworking.factories import TODAY, allocated, eligible_entry


def test_allocation_records_when_eligibility_began(keyworker, chair):
    entry = eligible_entry(days_ago=30)
    allocation = allocation_create(entry=entry, keyworker=keyworker, allocated_by=chair)
    assert (allocation.keyworker, allocation.eligible_since, allocation.allocated_on) == (
        keyworker,
        TODAY - timedelta(days=30),
        TODAY,
    )
    assert allocation.person_id == entry.person_id
    assert allocation.area_id == entry.area_id


def test_someone_not_eligible_is_not_allocated(keyworker, chair):
    entry = eligible_entry(rating=Rating.GREEN)
    with pytest.raises(ValidationError, match="Not eligible for keyworking"):
        allocation_create(entry=entry, keyworker=keyworker, allocated_by=chair)


def test_the_keyworker_must_hold_the_role_in_the_persons_area(keyworker_newham, chair):
    with pytest.raises(ValidationError) as refused:
        allocation_create(entry=eligible_entry(), keyworker=keyworker_newham, allocated_by=chair)
    assert "keyworker role in this area" in str(refused.value)


def test_a_second_allocation_is_refused_with_who_has_the_case(keyworker, other_keyworker, chair):
    entry = eligible_entry()
    allocated(entry, keyworker)
    with pytest.raises(ValidationError, match=r"allocated to .* by someone else"):
        allocation_create(entry=entry, keyworker=other_keyworker, allocated_by=chair)
    assert Allocation.objects.filter(person_id=entry.person_id).count() == 1


def test_the_database_refuses_a_second_open_allocation_even_past_the_check(keyworker, other_keyworker, chair):
    """The constraint path: as if the service's own check had raced past."""
    entry = eligible_entry()
    allocated(entry, keyworker)
    from keyworking.services import allocations

    with pytest.raises(ValidationError, match="by someone else"):
        allocations._insert(
            area_id=entry.area_id,
            person_id=entry.person_id,
            entry=entry,
            keyworker=other_keyworker,
            eligible_since=TODAY,
            allocated_on=TODAY,
            allocated_by=chair,
        )
    assert Allocation.objects.filter(person_id=entry.person_id, ended_on__isnull=True).count() == 1


def test_two_chairs_allocating_at_once_one_wins_and_the_other_is_told(transactional_db):
    """Two real connections in two threads: each passes the service's own check, the database
    lets exactly one insert through and the other gets the clear message."""
    from areas.roles import Role
    from tests.factories import user_with_roles

    with system_scope():  # the thurrock policy comes from the autouse fixture
        first = user_with_roles("kw.one", {"thurrock": [Role.KEYWORKER]})
        second = user_with_roles("kw.two", {"thurrock": [Role.KEYWORKER]})
        chair = UserFactory(username="chair.both")
        entry = eligible_entry()
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def allocate(name, keyworker):
        try:
            with system_scope():
                barrier.wait(timeout=10)
                allocation_create(entry=entry, keyworker=keyworker, allocated_by=chair)
            outcomes[name] = "allocated"
        except ValidationError as error:
            outcomes[name] = error.messages[0]
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate, args=(name, kw)) for name, kw in (("a", first), ("b", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    results = sorted(outcomes.values(), key=lambda result: result != "allocated")
    assert results[0] == "allocated", outcomes
    assert "by someone else" in results[1], outcomes
    with system_scope():
        assert Allocation.objects.filter(person_id=entry.person_id, ended_on__isnull=True).count() == 1
    connection.close()


def test_reallocation_keeps_the_original_wait_and_ends_the_old_allocation(keyworker, other_keyworker, chair):
    entry = eligible_entry(days_ago=40)
    first = allocated(entry, keyworker, on=TODAY - timedelta(days=10))
    second = allocation_reallocate(allocation=first, keyworker=other_keyworker, reason="Caseload", reallocated_by=chair)
    first.refresh_from_db()
    assert first.ended_on == TODAY
    assert "Reallocated to" in first.end_reason
    assert (second.keyworker, second.eligible_since) == (other_keyworker, first.eligible_since)


def test_reallocation_needs_a_reason(keyworker, other_keyworker, chair):
    first = allocated(eligible_entry(), keyworker)
    with pytest.raises(ValidationError, match="why"):
        allocation_reallocate(allocation=first, keyworker=other_keyworker, reason=" ", reallocated_by=chair)


def test_closing_needs_a_reason_and_cannot_happen_twice(keyworker, chair):
    allocation = allocated(eligible_entry(), keyworker)
    with pytest.raises(ValidationError):
        allocation_close(allocation=allocation, reason="other", detail="", closed_by=chair)
    allocation_close(allocation=allocation, reason="goals_met", closed_by=chair)
    allocation.refresh_from_db()
    assert allocation.end_reason.startswith("Goals met")
    with pytest.raises(ValidationError, match="already been closed"):
        allocation_close(allocation=allocation, reason="goals_met", closed_by=chair)
