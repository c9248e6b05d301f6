"""Reading the register: settings, current consent, duplicates, the register list."""

from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Q
from django.db.models.functions import Lower

from areas.models import Area
from areas.rls import system_scope
from dsr.models import ConsentRecord, Person, RegisterEntry, RegisterSettings
from dsr.models.entry import OPEN_STATUSES

NAME_SIMILARITY = 0.4


def register_settings(area_id: int) -> RegisterSettings:
    """The area's settings, made with the national defaults on first use."""
    return RegisterSettings.objects.get_or_create(area_id=area_id)[0]


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


def caseload_person_ids(user) -> set[int]:
    """People currently allocated to `user` as their keyworker (within the request's scope)."""
    from dsr.models import Allocation

    return set(Allocation.objects.filter(keyworker=user, ended_on__isnull=True).values_list("person_id", flat=True))
