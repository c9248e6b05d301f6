"""Reading referrals: settings, the queue, one referral with what the page shows about it, and
one area's referrals in a month (for the dashboards' monthly figures)."""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.db.models import Count, QuerySet

from areas import access
from areas.models import Area
from areas.rls import area_scope, system_scope
from areas.selectors import settings_for
from dsr.models import Person, RegisterEntry
from dsr.models.entry import OPEN_STATUSES as OPEN_ENTRY_STATUSES
from dsr.selectors import Duplicates, duplicates
from referrals.capabilities import TRIAGE_REFERRALS
from referrals.models import Referral, ReferralForward, ReferralSettings, ReferralStatus
from referrals.references import normalise_reference

# The queue's tabs: each status, then what this area forwarded elsewhere.
FORWARDED_TAB = "forwarded"
QUEUE_TABS = [*ReferralStatus.choices, (FORWARDED_TAB, "Forwarded to another area")]


def public_settings(area: Area) -> ReferralSettings:
    """Settings for the public form, which has no user and so no row-level security scope:
    scoped to the one area the form belongs to (settings hold no personal data)."""
    with area_scope([area.id]):
        return settings_for(ReferralSettings, area)


def public_areas() -> QuerySet[Area]:
    """Areas for the public start page: names only (areas are not tenant records)."""
    return Area.objects.select_related("partnership").order_by("partnership__name", "name")


def triage_referrals(user) -> QuerySet[Referral]:
    return access.scope(Referral.objects.all(), user, TRIAGE_REFERRALS)


def queue(area: Area, *, status: str, search: str = "") -> QuerySet[Referral]:
    """One tab of the area's queue, oldest first (the longest waiting at the top)."""
    referrals = Referral.objects.filter(area=area, status=status)
    if search:
        reference = normalise_reference(search)
        referrals = (
            referrals.filter(reference=reference) if reference else referrals.filter(family_name__icontains=search)
        )
    return referrals.order_by("arrived_at", "id")


def queue_counts(area: Area) -> dict[str, int]:
    counts = dict(
        Referral.objects.filter(area=area).values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    counts[FORWARDED_TAB] = ReferralForward.objects.filter(area=area).count()
    return {status: counts.get(status, 0) for status, _ in QUEUE_TABS}


def forwarded_from(area: Area) -> QuerySet[ReferralForward]:
    """What the area passed on: the note of each forward, never the referral itself."""
    return ReferralForward.objects.filter(area=area).select_related("destination", "forwarded_by")


def forwards_into(referral: Referral) -> list[ReferralForward]:
    """How the referral reached its current area (the forwards this area can see)."""
    return list(
        ReferralForward.objects.filter(referral=referral, destination_id=referral.area_id).select_related(
            "area", "forwarded_by"
        )
    )


@dataclass(frozen=True)
class KnownPeople:
    """Possible duplicates of the referred young person among people already known."""

    held_elsewhere_by: list[str]
    matches_here: list[Person]
    on_register: set[int]  # ids among matches_here with an open register entry


def known_people(referral: Referral) -> KnownPeople:
    found: Duplicates = duplicates(
        area_id=referral.area_id,
        nhs_number=referral.nhs_number,
        given_name=referral.given_name,
        family_name=referral.family_name,
        date_of_birth=referral.date_of_birth,
    )
    on_register = set(
        RegisterEntry.objects.filter(
            person__in=[person.id for person in found.matches_here], status__in=OPEN_ENTRY_STATUSES
        ).values_list("person_id", flat=True)
    )
    return KnownPeople(found.held_elsewhere_by, found.matches_here, on_register)


def referrals_made_by(user) -> list[dict]:
    """The referrals this user made, wherever they went, for the user's own follow-up.

    Deliberately past the user's areas (a professional refers to the area where the young
    person lives, which may not be theirs): only the reference, area, date and status leave
    this block, and only for referrals the user made themself."""
    with system_scope():
        return list(
            Referral.objects.filter(referred_by=user)
            .order_by("-received_at")
            .values("reference", "area__name", "received_at", "status")[:200]
        )


# ---------------------------------------------------------------------------- figures
# One area's referrals within a month, for the dashboards' monthly figures (dashboards.collect,
# in a system scope).


def referrals_arrived_count(area_id: int, start: datetime, end: datetime) -> int:
    """How many referrals arrived in the area from `start` until `end`."""
    return Referral.objects.filter(area_id=area_id, arrived_at__gte=start, arrived_at__lt=end).count()


class Decision(NamedTuple):
    accepted: bool  # or not accepted
    arrived_at: datetime
    decided_at: datetime


def referral_decisions(area_id: int, start: datetime, end: datetime) -> list[Decision]:
    """The area's referrals accepted or not accepted from `start` until `end`."""
    decided = Referral.objects.filter(
        area_id=area_id,
        status__in=(ReferralStatus.ACCEPTED, ReferralStatus.NOT_ACCEPTED),
        decided_at__gte=start,
        decided_at__lt=end,
    ).values_list("status", "arrived_at", "decided_at")
    return [
        Decision(status == ReferralStatus.ACCEPTED, arrived_at, decided_at)
        for status, arrived_at, decided_at in decided
    ]
