"""Admissions and discharges, and the rating changes they bring."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from areas.selectors import settings_for
from dsr import rules
from dsr.models import InpatientEpisode, Person, Rating, RegisterSettings
from dsr.models.entry import EntryStatus
from dsr.selectors import open_entry
from dsr.services.entries import entry_open
from dsr.services.ratings import rating_record


@transaction.atomic
def episode_admit(
    *,
    person: Person,
    admitted_on: date,
    hospital: str,
    section: str,
    secure: bool = False,
    out_of_area: bool = False,
    section_17_leave: str = "",
    recorded_by,
) -> InpatientEpisode:
    """Record an admission: the person is rated blue, and put on the register (active) if they
    were not on it."""
    if InpatientEpisode.objects.filter(person=person, discharged_on__isnull=True).exists():
        raise ValidationError("This person is already recorded as an inpatient. Record the discharge first.")
    entry = open_entry(person) or entry_open(person=person, status=EntryStatus.ACTIVE, on=admitted_on)
    episode = InpatientEpisode.objects.create(
        area_id=person.area_id,
        entry=entry,
        person=person,
        admitted_on=admitted_on,
        hospital=hospital,
        section=section,
        secure=secure,
        out_of_area=out_of_area,
        section_17_leave=section_17_leave,
    )
    rating_record(
        entry=entry,
        rating=Rating.BLUE,
        reason=f"Admitted to {hospital}",
        decided_on=admitted_on,
        decided_by=recorded_by,
    )
    return episode


@transaction.atomic
def episode_discharge(
    *, episode: InpatientEpisode, discharged_on: date, destination: str, delay_reasons: str = "", recorded_by
) -> InpatientEpisode:
    """Record a discharge: the person leaves blue for the area's post-discharge rating, held for
    the area's hold period."""
    if not episode.is_open:
        raise ValidationError("This episode already has a discharge recorded.")
    if discharged_on < episode.admitted_on:
        raise ValidationError({"discharged_on": "The discharge date must be on or after the admission date"})
    episode.discharged_on = discharged_on
    episode.discharge_destination = destination
    episode.delay_reasons = delay_reasons
    episode.save(update_fields=["discharged_on", "discharge_destination", "delay_reasons"])
    settings = settings_for(RegisterSettings, episode.area_id)
    rating_record(
        entry=episode.entry,
        rating=settings.post_discharge_rating,
        reason=f"Discharged from {episode.hospital}: held for {settings.post_discharge_hold_days} days",
        decided_on=discharged_on,
        decided_by=recorded_by,
        held_until=rules.post_discharge_hold(discharged_on, hold_days=settings.post_discharge_hold_days),
    )
    return episode
