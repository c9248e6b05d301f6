"""Synthetic register data at national scale: people, entries, rating and consent histories,
inpatient episodes, keyworker allocations and the people's family and professional contacts,
spread over the areas in proportion."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import nhs_number
from django.contrib.auth import get_user_model

from dsr.models import (
    Allocation,
    ConsentRecord,
    Contact,
    Diagnosis,
    InpatientEpisode,
    Person,
    Rating,
    RatingChange,
    RegisterEntry,
)
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus
from dsr.rules import MCA_AGE, age_on, register_for

GIVEN = ["Alex", "Sam", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Robin", "Charlie", "Frankie", "Ash"]
FAMILY = ["Synthson", "Fakeley", "Testwood", "Mockford", "Sampleton", "Dummett", "Placeholder", "Exampleby"]
RATINGS = [Rating.GREEN, Rating.AMBER, Rating.RED, Rating.BLUE]
RATING_WEIGHTS = [45, 30, 20, 5]
REVIEW_DAYS = {Rating.GREEN: 28, Rating.AMBER: 28, Rating.RED: 14, Rating.BLUE: 14}


@dataclass(frozen=True)
class AreaStaff:
    area_id: int
    slug: str
    holder_id: int
    keyworker_ids: tuple[int, ...]


def staff_by_area(areas) -> list[AreaStaff]:
    """The demo users who record and hold cases in each area (load_demo makes them)."""
    users = get_user_model().objects
    staff = []
    for area in areas:
        keyworkers = users.filter(role_grants__content_object=area, role_grants__permission__codename="keyworker")
        staff.append(
            AreaStaff(
                area.id,
                area.slug,
                users.get(username=f"dsr_holder.{area.slug}").id,
                tuple(keyworkers.values_list("id", flat=True).distinct().order_by("id")),  # reproducible choices
            )
        )
    return staff


def synthetic_nhs_numbers() -> Iterator[str]:
    """Valid NHS numbers from the 999 test range, from the top down (demo data counts up)."""
    for stem in range(999_999_999, 999_000_000, -1):
        check = nhs_number.calculate_checksum(str(stem))
        if check <= 9:
            yield f"{stem}{check}"


def seed_people(rng: random.Random, staff: AreaStaff, count: int, today: date, numbers: Iterator[str]) -> list[Person]:
    people = [
        Person(
            area_id=staff.area_id,
            given_name=rng.choice(GIVEN),
            family_name=rng.choice(FAMILY),
            date_of_birth=today - timedelta(days=rng.randint(0, 25 * 365)),
            nhs_number=next(numbers) if rng.random() < 0.8 else None,
            postcode=f"ZZ{rng.randint(1, 99)} {rng.randint(1, 9)}XX",
            diagnosis=rng.choice(list(Diagnosis)),
            has_ehc_plan=rng.random() < 0.5,
            looked_after=rng.random() < 0.1,
            education_setting="Synthetic school",
        )
        for _ in range(count)
    ]
    return Person.objects.bulk_create(people, batch_size=2000)


def seed_entries(rng: random.Random, people: list[Person], today: date) -> list[RegisterEntry]:
    entries = []
    for person in people:
        # Never before birth: the dashboards' snapshots count people by their age at the time.
        added = max(today - timedelta(days=rng.randint(0, 3 * 365)), person.date_of_birth)
        entries.append(
            RegisterEntry(
                area_id=person.area_id,
                person=person,
                register=register_for(person.date_of_birth, today, adult_age=18),
                status=EntryStatus.ACTIVE,
                added_on=added,
                current_issues="Synthetic case content for benchmarking.",
            )
        )
    return RegisterEntry.objects.bulk_create(entries, batch_size=2000)


@dataclass(frozen=True)
class Histories:
    episodes: list[InpatientEpisode]
    allocations: list[Allocation]


def seed_histories(rng: random.Random, staff: AreaStaff, entries: list[RegisterEntry], today: date) -> Histories:
    """Ratings (the database keeps each entry's current rating), consent, episodes for blue
    entries, and keyworker allocations for about a third of the amber, red and blue ones.
    Returns the episodes and allocations, for the C(E)TRs and casework seeded on them."""
    ratings, consents, episodes, allocations = [], [], [], []
    for entry in entries:
        changes = rng.randint(1, 3)
        for step in range(changes):
            rating = rng.choices(RATINGS, RATING_WEIGHTS)[0]
            decided = entry.added_on + timedelta(days=step * 30)
            ratings.append(
                RatingChange(
                    area_id=entry.area_id,
                    entry=entry,
                    person_id=entry.person_id,
                    rating=rating,
                    decided_on=min(decided, today),
                    reason="Synthetic decision",
                    decided_by_id=staff.holder_id,
                )
            )
        final = ratings[-1].rating
        entry.current_rating = final  # what the database trigger stores: the C(E)TRs seeded next read it
        entry.next_review_due = ratings[-1].decided_on + timedelta(days=REVIEW_DAYS[final])
        adult = age_on(entry.person.date_of_birth, entry.added_on) >= MCA_AGE
        consents.append(
            ConsentRecord(
                area_id=entry.area_id,
                entry=entry,
                person_id=entry.person_id,
                kind=ConsentRecord.Kind.GIVEN,
                basis=ConsentBasis.CAPACITOUS if adult else ConsentBasis.PARENTAL,
                given_by="Synthetic",
                recorded_on=entry.added_on,
                review_due=entry.added_on + timedelta(days=365),
                recorded_by_id=staff.holder_id,
            )
        )
        if final == Rating.BLUE:
            episodes.append(
                InpatientEpisode(
                    area_id=entry.area_id,
                    entry=entry,
                    person_id=entry.person_id,
                    admitted_on=ratings[-1].decided_on,
                    hospital="Synthetic Hospital",
                    section="s3",
                    secure=rng.random() < 0.2,
                    out_of_area=rng.random() < 0.4,
                )
            )
        if final != Rating.GREEN and staff.keyworker_ids and rng.random() < 0.35:
            allocations.append(
                Allocation(
                    area_id=entry.area_id,
                    person_id=entry.person_id,
                    entry=entry,
                    keyworker_id=rng.choice(staff.keyworker_ids),
                    eligible_since=entry.added_on,
                    allocated_on=min(entry.added_on + timedelta(days=rng.randint(0, 60)), today),
                    allocated_by_id=staff.holder_id,
                )
            )
    RatingChange.objects.bulk_create(ratings, batch_size=5000)
    RegisterEntry.objects.bulk_update(entries, ["next_review_due"], batch_size=5000)
    ConsentRecord.objects.bulk_create(consents, batch_size=5000)
    return Histories(
        InpatientEpisode.objects.bulk_create(episodes, batch_size=5000),
        Allocation.objects.bulk_create(allocations, batch_size=5000),
    )


def seed_contacts(rng: random.Random, people: list[Person]) -> None:
    """A family contact for most people and a key professional for half of them."""
    contacts = []
    for person in people:
        if rng.random() < 0.8:
            contacts.append(
                Contact(
                    area_id=person.area_id,
                    person=person,
                    kind=Contact.Kind.FAMILY,
                    name=f"{rng.choice(GIVEN)} {person.family_name}",
                    relationship="Parent",
                    phone="01632 960000",
                )
            )
        if rng.random() < 0.5:
            contacts.append(
                Contact(
                    area_id=person.area_id,
                    person=person,
                    kind=Contact.Kind.PROFESSIONAL,
                    name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    relationship="Social worker",
                    organisation="Synthetic Children's Services",
                )
            )
    Contact.objects.bulk_create(contacts, batch_size=5000)
