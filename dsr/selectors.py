"""Reading the register: current consent, duplicates, the register list, and one
area's records as they stood on a day (for the dashboards' monthly figures)."""

from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from areas.models import Area
from areas.rls import system_scope
from dsr.models import ConsentRecord, InpatientEpisode, Person, RatingChange, RegisterEntry
from dsr.models.entry import OPEN_STATUSES, EntryStatus

NAME_SIMILARITY = 0.4


def current_consent(entry: RegisterEntry) -> ConsentRecord | None:
    """The newest consent record if it is a standing consent (not a withdrawal)."""
    latest = entry.consents.first()
    return latest if latest is not None and latest.kind == ConsentRecord.Kind.GIVEN else None


@dataclass(frozen=True)
class Duplicates:
    held_elsewhere_by: list[str]  # names of other areas holding this NHS number: nothing more
    matches_here: list[Person]


def areas_holding_nhs_number(nhs_number: str, *, other_than_area_id: int) -> list[str]:
    """The names of other areas holding a record with this NHS number: nothing more."""
    # Deliberately past the user's areas: only the areas' ids leave this block, never anything
    # of the record.
    with system_scope():
        area_ids = list(
            Person.objects.filter(nhs_number=nhs_number)
            .exclude(area_id=other_than_area_id)
            .values_list("area_id", flat=True)
        )
    return list(Area.objects.filter(id__in=area_ids).values_list("name", flat=True))


def duplicates(*, area_id: int, nhs_number: str | None, given_name: str, family_name: str, date_of_birth) -> Duplicates:
    """Possible duplicates of a new person: the same NHS number anywhere, and close name matches
    with the same date of birth within the area."""
    elsewhere = areas_holding_nhs_number(nhs_number, other_than_area_id=area_id) if nhs_number else []
    close_names = Q(date_of_birth=date_of_birth) & (
        Q(family_similarity__gte=NAME_SIMILARITY) | Q(given_similarity__gte=NAME_SIMILARITY)
    )
    here = Person.objects.filter(area_id=area_id).annotate(
        family_similarity=TrigramSimilarity(Lower("family_name"), family_name.lower()),
        given_similarity=TrigramSimilarity(Lower("given_name"), given_name.lower()),
    )
    same_number = Q(nhs_number=nhs_number) if nhs_number else Q(pk__in=[])
    return Duplicates(elsewhere, list(here.filter(same_number | close_names).order_by("family_name")[:10]))


def open_entry(person: Person) -> RegisterEntry | None:
    """The person's entry that is not removed or declined, if any (there is at most one)."""
    return person.entries.filter(status__in=OPEN_STATUSES).first()


def admission_in_progress(person: Person) -> InpatientEpisode | None:
    """The person's current inpatient episode, if any (at most one: a database constraint)."""
    return InpatientEpisode.objects.filter(person=person, discharged_on__isnull=True).first()


def caseload_person_ids(user) -> set[int]:
    """People currently allocated to `user` as their keyworker (within the request's scope)."""
    from dsr.models import Allocation

    return set(Allocation.objects.filter(keyworker=user, ended_on__isnull=True).values_list("person_id", flat=True))


# --- The person page -------------------------------------------------------------------------

HISTORY_LIMIT = 200
VIEWERS_LIMIT = 100
_HISTORY_NOISE = {"updated_at", "version", "status_changed_at"}


@dataclass(frozen=True)
class PersonRecord:
    """Everything the person page shows about one person, read in a fixed number of queries."""

    person: Person
    entries: list[RegisterEntry]
    entry: RegisterEntry | None  # the open entry, else the latest one
    ratings: list
    consents: list
    episodes: list
    contacts: list
    allocations: list
    transfers: list

    @property
    def open_episode(self):
        return next((episode for episode in self.episodes if episode.is_open), None)

    @property
    def current_consent(self):
        latest = next((c for c in self.consents if self.entry and c.entry_id == self.entry.id), None)
        return latest if latest is not None and latest.kind == ConsentRecord.Kind.GIVEN else None

    @property
    def open_allocation(self):
        return next((allocation for allocation in self.allocations if allocation.is_open), None)


def person_record(person: Person) -> PersonRecord:
    from dsr.models import Allocation, InpatientEpisode, RatingChange, Transfer

    entries = list(person.entries.order_by("-added_on", "-id"))
    entry = next((e for e in entries if e.is_open), entries[0] if entries else None)
    return PersonRecord(
        person=person,
        entries=entries,
        entry=entry,
        ratings=list(RatingChange.objects.filter(person=person).select_related("decided_by", "meeting")),
        consents=list(ConsentRecord.objects.filter(person=person).select_related("recorded_by")),
        episodes=list(InpatientEpisode.objects.filter(person=person)),
        contacts=list(person.contacts.all()),
        allocations=list(Allocation.objects.filter(person=person).select_related("keyworker")),
        transfers=list(Transfer.objects.filter(person=person).select_related("destination", "requested_by")),
    )


@dataclass(frozen=True)
class HistoryEvent:
    at: object
    what: str
    action: str
    by: str
    changes: list[tuple[str, object, object]]


def person_history(person: Person) -> list[HistoryEvent]:
    """The change history of this person's records (pghistory events of the person and of every
    tracked record pointing at them), newest first, with who made each change."""
    from django.contrib.auth import get_user_model
    from pghistory.models import Events

    events = list(Events.objects.references(person).order_by("-pgh_created_at", "-pgh_id")[:HISTORY_LIMIT])
    user_ids = {(event.pgh_context or {}).get("user") for event in events} - {None}
    names = {user.id: user.display_name for user in get_user_model().objects.filter(id__in=user_ids)}
    history = []
    for event in events:
        model = event.pgh_obj_model.split(".")[-1]
        context = event.pgh_context or {}
        by = names.get(context.get("user"), "the system" if not context.get("import") else "import")
        changes = [
            (name, before, after)
            for name, (before, after) in sorted((event.pgh_diff or {}).items())
            if name not in _HISTORY_NOISE
        ]
        history.append(HistoryEvent(event.pgh_created_at, _MODEL_WORDS.get(model, model), event.pgh_label, by, changes))
    return history


_MODEL_WORDS = {
    "Person": "person details",
    "RegisterEntry": "register entry",
    "Contact": "contact",
    "InpatientEpisode": "inpatient episode",
    "Allocation": "keyworker allocation",
    "Transfer": "transfer",
}


def person_viewers(person: Person):
    """Who read this person's records in the person's current area (the access log). The caller
    has already checked the user may see the whole record there."""
    from audit.models import AccessLogEntry

    return (
        AccessLogEntry.objects.filter(area_id=person.area_id, person_ids__contains=[person.id])
        .select_related("user")
        .order_by("-at", "-id")[:VIEWERS_LIMIT]
    )


def as_opened(record, version: int):
    """The record as it was at `version` (from its change history), so that a refused edit can
    show what others changed since the user opened it. The record itself if that is unknown."""
    import copy

    if record.version == version:
        return record
    from django.apps import apps

    event_model = apps.get_model(record._meta.app_label, f"{type(record).__name__}Event")
    snapshot = event_model.objects.filter(pgh_obj_id=record.pk, version=version).order_by("-pgh_id").first()
    if snapshot is None:
        return record
    opened = copy.copy(record)
    for field in type(record)._meta.concrete_fields:
        if hasattr(snapshot, field.attname):
            setattr(opened, field.attname, getattr(snapshot, field.attname))
    return opened


# ---------------------------------------------------------------------------- figures
# One area's records up to a day, for the dashboards' monthly figures (dashboards.collect, in
# a system scope): plain querysets, so each collector reads only the columns it counts.

# Entries that were on the register at some point: referrals not accepted never were. The
# register keeps no status history, so an entry counts from `added_on` to `removed_on`.
EVER_ON_REGISTER = (EntryStatus.ACCEPTED, EntryStatus.ACTIVE, EntryStatus.REMOVED)


def entries_ever_on_register(area_id: int, *, added_by: date) -> QuerySet[RegisterEntry]:
    """The area's entries that were on the register at some point, added on or before `added_by`."""
    return RegisterEntry.objects.filter(area_id=area_id, status__in=EVER_ON_REGISTER, added_on__lte=added_by)


def rating_decisions(area_id: int, *, until: date) -> QuerySet[RatingChange]:
    """The area's rating decisions made on or before `until`, in no particular order."""
    return RatingChange.objects.filter(area_id=area_id, decided_on__lte=until)


def ratings_in_force(area_id: int, day: date) -> dict[int, str]:
    """Each of the area's entries' rating in force on `day` (the latest decision up to it)."""
    latest = (
        rating_decisions(area_id, until=day)
        .order_by("entry_id", "-decided_on", "-recorded_at", "-id")
        .distinct("entry_id")
    )
    return dict(latest.values_list("entry_id", "rating"))


def episodes_admitted_by(area_id: int, day: date) -> QuerySet[InpatientEpisode]:
    """The area's inpatient episodes admitted on or before `day`, discharged or not."""
    return InpatientEpisode.objects.filter(area_id=area_id, admitted_on__lte=day)
