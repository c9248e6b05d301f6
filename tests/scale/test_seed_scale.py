"""seed_scale: every kind of record in proportion to the people, reproducibly."""

import pytest
from django.core.management import call_command
from django.db import transaction

from areas.rls import system_scope
from cetr.models import Action, PanelMember, Recommendation, Review
from dsr.models import AgendaItem, Allocation, Contact, InpatientEpisode, Person
from keyworking.models import Contact as KeyworkingContact
from keyworking.models import Goal, OutcomeRating
from tests.transactions import check_deferred_constraints, rolled_back_at_end

PEOPLE = 200


class Rollback(Exception):
    pass


def _rows(queryset, *fields) -> list[str]:
    return sorted(map(str, queryset.values_list(*fields)))  # str: some NHS numbers are None


def _signature() -> dict:
    """What was seeded, without database ids (they differ from run to run)."""
    with system_scope():
        return _signature_in_scope()


def _signature_in_scope() -> dict:
    return {
        "people": _rows(Person.objects, "given_name", "family_name", "date_of_birth", "nhs_number"),
        "allocations": _rows(Allocation.objects, "person__date_of_birth", "keyworker__username", "allocated_on"),
        "reviews": _rows(Review.objects, "person__date_of_birth", "kind", "requested_on", "held_on"),
        "actions": _rows(Action.objects, "person__date_of_birth", "due_on", "status"),
        "contacts": KeyworkingContact.objects.count(),
    }


@pytest.fixture(scope="module")
def signatures(django_db_setup, django_db_blocker):
    """Seeded twice with the same seed, the first rolled back: both signatures, and the second
    seeding left in place for the module (seeding is the slow part: twice, not three times)."""
    with rolled_back_at_end(django_db_blocker):
        first = []
        try:
            with transaction.atomic():
                call_command("seed_scale", people=PEOPLE, seed=7)
                first.append(_signature())
                raise Rollback
        except Rollback:
            pass
        call_command("seed_scale", people=PEOPLE, seed=7)
        check_deferred_constraints()
        yield first[0], _signature()


def test_every_kind_of_record_is_seeded_in_proportion(signatures):
    seeded = Person.objects.exclude(family_name__in=["Cetrdemo"]).filter(education_setting="Synthetic school")
    assert seeded.count() == PEOPLE
    allocations = Allocation.objects.filter(person__in=seeded)
    assert 0.1 * PEOPLE < allocations.count() < 0.3 * PEOPLE  # about a fifth of the people
    assert Contact.objects.filter(person__in=seeded).count() > PEOPLE  # family and professionals
    # Every seeded allocation has its casework: contacts, goals and the outcomes at allocation.
    for model in (KeyworkingContact, Goal, OutcomeRating):
        assert set(model.objects.filter(person__in=seeded).values_list("allocation", flat=True)) == set(
            allocations.values_list("id", flat=True)
        )
    episodes = InpatientEpisode.objects.filter(person__in=seeded)
    reviews = Review.objects.filter(person__in=seeded)
    assert set(reviews.filter(kind="post_admission").values_list("episode", flat=True)) == set(
        episodes.values_list("id", flat=True)
    )
    assert reviews.filter(kind="community").exists()
    held = reviews.filter(held_on__isnull=False, cancelled_on__isnull=True)
    assert PanelMember.objects.filter(review__in=held).count() == 3 * held.count()
    assert Recommendation.objects.filter(review__in=held).count() >= 2 * held.count()
    assert Action.objects.filter(recommendation__review__in=held).count() >= 2 * held.count()
    assert set(Action.objects.filter(person__in=seeded).values_list("status", flat=True)) >= {"open", "done"}
    assert AgendaItem.objects.filter(meeting__location="Synthetic meeting room").exists()


def test_the_same_seed_gives_the_same_data(signatures):
    first, second = signatures
    assert first == second
    assert first["reviews"]
    assert first["actions"]
