"""Building C(E)TR records for tests, through the services (so the rules apply)."""

from datetime import date, timedelta

from django.utils import timezone

from cetr.models import Review
from cetr.services.actions import action_add, recommendation_add
from cetr.services.reviews import review_record, review_request
from dsr.models.consent import ConsentBasis
from dsr.services.consents import consent_record
from dsr.services.episodes import episode_admit
from tests.factories import UserFactory, entry

TODAY = timezone.localdate()


def staff():
    return UserFactory(username="cetr.staff")


def register_entry(slug: str = "thurrock", **details):
    return entry(slug, **details)


def admit(person, *, admitted_on: date | None = None, secure: bool = False, hospital: str = "Synthetic Unit"):
    return episode_admit(
        person=person,
        admitted_on=admitted_on or TODAY - timedelta(days=3),
        hospital=hospital,
        section="s2",
        secure=secure,
        recorded_by=staff(),
    )


def review(person, *, kind: str = "community", requested_on: date | None = None, **details) -> Review:
    return review_request(
        person=person, kind=kind, requested_on=requested_on or TODAY - timedelta(days=30), created_by=staff(), **details
    )


def held_review(person, *, kind: str = "community", held_on: date | None = None, **details) -> Review:
    held_on = held_on or TODAY - timedelta(days=20)
    made = review(person, kind=kind, requested_on=held_on - timedelta(days=10), **details)
    return review_record(review=made, held_on=held_on)


def action(person=None, *, due_on: date | None = None, owner_name: str = "Pat Owner", **details):
    person = person or register_entry().person
    recommendation = recommendation_add(review=held_review(person), text="A synthetic recommendation")
    return action_add(
        recommendation=recommendation,
        description=details.pop("description", "Do a synthetic thing"),
        owner_name=owner_name,
        owner_organisation=details.pop("owner_organisation", "Synthetic Org"),
        due_on=due_on or TODAY + timedelta(days=5),
        **details,
    )


def consent(register_entry_, *, recorded_on: date | None = None):
    return consent_record(
        entry=register_entry_,
        basis=ConsentBasis.PARENTAL,
        given_by="Synthetic Parent",
        recorded_on=recorded_on or TODAY,
        recorded_by=staff(),
    )


def allocate(person, keyworker):
    """Put `person` on `keyworker`'s caseload (an open allocation on the register)."""
    from dsr.models import Allocation
    from dsr.selectors import open_entry

    return Allocation.objects.create(
        area_id=person.area_id,
        person=person,
        entry=open_entry(person),
        keyworker=keyworker,
        eligible_since=TODAY - timedelta(days=30),
        allocated_by=staff(),
    )
