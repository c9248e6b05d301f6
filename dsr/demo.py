"""Synthetic demo register: a few dozen clearly fake people per area, with every rating and
status, consents, contacts and an inpatient episode or two. Each area's case content carries
its canary string (`canary-<slug>`). Safe to run twice: people are keyed by synthetic NHS
number (the 999 test range), so a second run adds nothing."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.utils import timezone

from areas.models import Area
from dsr.models import Contact, Diagnosis, Person, Rating
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.nhs_numbers import synthetic_nhs_number
from dsr.services.consents import consent_record
from dsr.services.contacts import contact_add
from dsr.services.entries import entry_open, entry_remove, entry_update_content
from dsr.services.episodes import episode_admit, episode_discharge
from dsr.services.people import person_create
from dsr.services.ratings import rating_record
from dsr.services.transfers import transfer_ask, transfer_request

PEOPLE_PER_AREA = 30
GIVEN = ["Ash", "Bo", "Cam", "Dee", "Eli", "Fen", "Gil", "Hal", "Ira", "Jo", "Kit", "Lou", "Mo", "Nell", "Ollie"]
FAMILY = ["Demoworth", "Fakeley", "Sampleton", "Mockford", "Testbury", "Dummington"]
RATINGS = [Rating.AMBER, Rating.RED, Rating.GREEN, Rating.AMBER, Rating.RED, Rating.GREEN]
STATUSES = [EntryStatus.ACTIVE] * 6 + [EntryStatus.REFERRED, EntryStatus.UNDER_REVIEW, EntryStatus.ACCEPTED]
DIAGNOSES = [Diagnosis.AUTISM, Diagnosis.LEARNING_DISABILITY, Diagnosis.BOTH]


TRANSFER_INDEX = 29  # in each area, this person's move to a neighbouring area awaits a decision
ASKED_INDEX = 28  # in each area, a neighbouring area asks for this person to be transferred to it


def load() -> None:
    today = timezone.localdate()
    for area_number, area in enumerate(Area.objects.order_by("ons_code")):
        holder = get_user_model().objects.filter(username=f"dsr_holder.{area.slug}").first()
        if holder is None:
            continue
        for index in range(PEOPLE_PER_AREA):
            nhs_number = synthetic_nhs_number(area_number * 1000 + index * 7)
            if Person.objects.filter(nhs_number=nhs_number).exists():
                continue
            person = _person(area, index, nhs_number, holder, today)
            if index == TRANSFER_INDEX:
                _transfer(person, holder)
            if index == ASKED_INDEX:
                _ask(person)


def _next_partner(area: Area) -> Area:
    partners = list(Area.objects.filter(partnership_id=area.partnership_id).order_by("ons_code"))
    return partners[(partners.index(area) + 1) % len(partners)]


def _transfer(person, holder) -> None:
    """A request to the next area of the same partnership (no case content in the reason: the
    destination sees it before accepting)."""
    destination = _next_partner(person.area)
    transfer_request(person=person, destination=destination, reason="The family is moving (demo).", requested_by=holder)


def _ask(person) -> None:
    """The next area of the same partnership asks for the person (no case content in the
    message: the holder reads it)."""
    asking = _next_partner(person.area)
    asker = get_user_model().objects.filter(username=f"dsr_holder.{asking.slug}").first()
    if asker is not None:
        transfer_ask(
            nhs_number=person.nhs_number,
            holder=person.area,
            destination=asking,
            asked_by=asker,
            message="They now live with us (demo).",
        )


def _birth_date(index: int, today):
    if index in (3, 17):  # nearing the adults' register: flagged from 17½
        return today - relativedelta(years=17, months=8, days=index)
    return today - relativedelta(years=5 + (index * 5) % 20, days=index * 11)


def _consent_basis(age: int) -> str:
    if age >= 18:
        return ConsentBasis.CAPACITOUS
    if age >= 16:
        return ConsentBasis.BEST_INTERESTS if age % 2 else ConsentBasis.CAPACITOUS
    return ConsentBasis.PARENTAL


def _person(area, index: int, nhs_number: str, holder, today) -> Person:
    person = person_create(
        area_id=area.id,
        given_name=GIVEN[index % len(GIVEN)],
        family_name=f"{FAMILY[index % len(FAMILY)]}-{area.slug.split('-')[0].capitalize()}",
        date_of_birth=_birth_date(index, today),
        nhs_number=nhs_number,
        postcode="ZZ99 3VZ",  # the NHS's "no fixed abode" pseudo-postcode: never a real address
        diagnosis=DIAGNOSES[index % len(DIAGNOSES)],
        has_ehc_plan=index % 3 != 0,
        looked_after=index % 7 == 0,
        education_setting="Synthetic Academy (demo)",
    )
    status = STATUSES[index % len(STATUSES)]
    added = today - timedelta(days=30 + index * 9)
    entry = entry_open(person=person, status=status, on=added)
    entry = entry_update_content(
        entry=entry,
        opened_version=entry.version,
        current_issues=f"Demo case {index + 1} (canary-{area.slug}): placement under strain, school refusal.",
        tried="Positive behaviour support plan; short breaks.",
        could_help="Consistent staff team; sensory assessment.",
        action_plan="Review at the next DSR MDT meeting.",
    )
    contact_add(
        person=person,
        kind=Contact.Kind.FAMILY,
        name=f"Parent of {person.given_name}",
        relationship="Parent",
        phone="01632 960000",
    )
    contact_add(
        person=person,
        kind=Contact.Kind.PROFESSIONAL,
        name="Dr Example Clinician",
        relationship="Psychiatrist",
        organisation=f"{area.name} CAMHS (demo)",
    )
    if status != EntryStatus.ACTIVE:
        return person
    age = person.age_on(added)
    consent_record(
        entry=entry,
        basis=_consent_basis(age),
        given_by="Parent" if age < 16 else person.given_name,
        recorded_on=added,
        recorded_by=holder,
    )
    rating_record(
        entry=entry,
        rating=RATINGS[index % len(RATINGS)],
        reason=f"Demo rating (canary-{area.slug})",
        decided_on=added,
        decided_by=holder,
    )
    if index == 0:  # an inpatient now: blue
        episode_admit(
            person=person,
            admitted_on=today - timedelta(days=20),
            hospital="Synthetic Hospital (demo)",
            section="s2",
            recorded_by=holder,
        )
    elif index == 4:  # admitted and discharged: held at the post-discharge rating
        episode = episode_admit(
            person=person,
            admitted_on=today - timedelta(days=40),
            hospital="Example Unit (demo)",
            section="s3",
            recorded_by=holder,
        )
        episode_discharge(
            episode=episode, discharged_on=today - timedelta(days=5), destination="Family home", recorded_by=holder
        )
    elif index == 12:
        entry_remove(entry=entry, reason=RemovalReason.RISK_REDUCED, on=today - timedelta(days=3))
    return person
