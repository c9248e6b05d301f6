"""Hand-checked records for March 2026 in Thurrock, built through the apps' own services, and
snapshots written directly for suppression tests.

What March 2026 should show (worked out by hand; see test_collect.py):
  register at 31 March: e1 (red, 11), e2 (blue, 16), e6 (blue, 8), e7 (blue, 13) = 4;
    e3 was removed on 20 March (risk reduced); e4 joins in April; e5 was not accepted.
    New in March: e2, e6. Removed in March: e3. At 28 February: e1, e3, e7 = 3 (3 + 2 - 1 = 4).
  inpatients: ep1 (e1) 10 Feb - 12 Mar (30 days); ep2 (e2) from 20 Mar, secure, out of area,
    no community C(E)TR, post-admission review due 27 Mar, held 26 Mar (on time);
    ep3 (e6) from 25 Mar after a community C(E)TR on 15 Jan; ep4 (e7) from 10 Dec 2025 after a
    community C(E)TR, repeat review due 10 Mar, held 16 Mar (late).
  C(E)TR actions: one due 20 Mar (overdue at month end, escalated 25 Mar), one due 10 Apr.
  keyworking: all four on the register are eligible; e1 allocated 10 Mar.
  referrals: 3 arrived in March; one accepted in 10 days, one not accepted after 40 days.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from cetr.models import ReviewKind
from cetr.services.actions import action_add, action_escalate, recommendation_add
from cetr.services.reviews import review_record, review_request
from dashboards.models import Figure, Snapshot
from dsr.models import Rating
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.services.entries import entry_open, entry_remove, entry_set_status
from dsr.services.episodes import episode_admit, episode_discharge
from dsr.services.ratings import rating_record
from keyworking.models import Contact, HopeScore
from referrals.models import DeclineReason, Referral, ReferralStatus
from tests.factories import UserFactory, area, person
from tests.keyworking.factories import policy

MARCH = date(2026, 3, 1)
TODAY = date(2026, 11, 26)


def aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


@dataclass
class World:
    entries: dict
    episodes: dict
    staff: object


def _entry(name: str, *, added: date, born: date, rating=None, status=EntryStatus.ACTIVE, staff=None):
    opened = entry_open(
        person=person("thurrock", given_name=name, family_name="Dashboardtest", date_of_birth=born),
        status=status,
        on=added,
        current_issues=f"canary-thurrock private notes about {name}",
    )
    if rating:
        rating_record(entry=opened, rating=rating, reason="Set up", decided_on=added, decided_by=staff)
    return opened


def _held(person_, kind, held_on, staff, episode=None):
    review = review_request(person=person_, kind=kind, requested_on=held_on, created_by=staff, episode=episode)
    return review_record(review=review, held_on=held_on)


def march_world() -> World:
    staff = UserFactory(username="dash.staff")
    e = {
        "e1": _entry("Ayo", added=date(2026, 1, 10), born=date(2014, 6, 1), rating=Rating.RED, staff=staff),
        "e2": _entry("Bea", added=date(2026, 3, 15), born=date(2010, 1, 1), rating=Rating.GREEN, staff=staff),
        "e3": _entry("Cal", added=date(2025, 12, 1), born=date(2012, 1, 1), rating=Rating.RED, staff=staff),
        "e4": _entry("Dee", added=date(2026, 4, 2), born=date(2012, 1, 1), rating=Rating.AMBER, staff=staff),
        "e5": _entry("Eli", added=date(2026, 2, 1), born=date(2012, 1, 1), status=EntryStatus.REFERRED),
        "e6": _entry("Fin", added=date(2026, 3, 1), born=date(2017, 5, 5)),
        "e7": _entry("Gus", added=date(2025, 10, 1), born=date(2013, 2, 2), rating=Rating.AMBER, staff=staff),
    }
    entry_set_status(entry=e["e5"], status=EntryStatus.NOT_ACCEPTED)
    entry_remove(entry=e["e3"], reason=RemovalReason.RISK_REDUCED, on=date(2026, 3, 20))

    _held(e["e7"].person, ReviewKind.COMMUNITY, date(2025, 11, 15), staff)
    ep4 = episode_admit(
        person=e["e7"].person, admitted_on=date(2025, 12, 10), hospital="Unit", section="s2", recorded_by=staff
    )
    ep1 = episode_admit(
        person=e["e1"].person, admitted_on=date(2026, 2, 10), hospital="Unit", section="s2", recorded_by=staff
    )
    rating_record(entry=e["e1"], rating=Rating.AMBER, reason="Reviewed", decided_on=date(2026, 3, 5), decided_by=staff)
    episode_discharge(episode=ep1, discharged_on=date(2026, 3, 12), destination="Home", recorded_by=staff)
    ep2 = episode_admit(
        person=e["e2"].person,
        admitted_on=date(2026, 3, 20),
        hospital="Unit",
        section="s3",
        secure=True,
        out_of_area=True,
        recorded_by=staff,
    )
    _held(e["e2"].person, ReviewKind.POST_ADMISSION, date(2026, 3, 26), staff, episode=ep2)
    _held(e["e6"].person, ReviewKind.COMMUNITY, date(2026, 1, 15), staff)
    ep3 = episode_admit(
        person=e["e6"].person, admitted_on=date(2026, 3, 25), hospital="Unit", section="s2", recorded_by=staff
    )
    repeat = _held(e["e7"].person, ReviewKind.INPATIENT_REPEAT, date(2026, 3, 16), staff, episode=ep4)

    recommendation = recommendation_add(review=repeat, text="Synthetic recommendation")
    overdue = action_add(
        recommendation=recommendation,
        description="Synthetic action",
        owner_name="Pat Owner",
        owner_organisation="Synthetic Org",
        due_on=date(2026, 3, 20),
    )
    action_add(
        recommendation=recommendation,
        description="Another synthetic action",
        owner_name="Pat Owner",
        owner_organisation="Synthetic Org",
        due_on=date(2026, 4, 10),
    )
    action_escalate(action=overdue, reason="Not done", escalated_on=date(2026, 3, 25), escalated_by=staff)

    policy("thurrock", effective_from=date(2020, 1, 1))
    from areas.roles import Role
    from keyworking.services.allocations import allocation_create
    from tests.factories import user_with_roles

    keyworker = user_with_roles("dash.kw", {"thurrock": [Role.KEYWORKER]})
    allocation = allocation_create(entry=e["e1"], keyworker=keyworker, allocated_by=staff, on=date(2026, 3, 10))
    for day in (3, 17):
        Contact.objects.create(
            area=area("thurrock"),
            allocation=allocation,
            person=allocation.person,
            occurred_at=aware(date(2026, 3, day)),
            mode="phone",
            with_whom=["parent_carer"],
            duration_minutes=30,
            author=keyworker,
        )
    HopeScore.objects.create(
        area=area("thurrock"),
        allocation=allocation,
        person=allocation.person,
        recorded_on=date(2026, 3, 20),
        score=7,
        recorded_by=keyworker,
    )

    _referrals(e)
    return World(e, {"ep1": ep1, "ep2": ep2, "ep3": ep3, "ep4": ep4}, staff)


def _referrals(entries) -> None:
    from tests.referrals.factories import referral

    made = [referral("thurrock", given_name=name) for name in ("Hal", "Ivy", "Jo")]
    Referral.objects.filter(pk=made[0].pk).update(arrived_at=aware(date(2026, 3, 2)))
    Referral.objects.filter(pk=made[1].pk).update(arrived_at=aware(date(2026, 3, 5)))
    Referral.objects.filter(pk=made[2].pk).update(arrived_at=aware(date(2026, 3, 30)))
    Referral.objects.filter(pk=made[0].pk).update(
        status=ReferralStatus.ACCEPTED,
        decided_at=aware(date(2026, 3, 12)),
        person=entries["e2"].person,
        entry=entries["e2"],
    )
    older = referral("thurrock", given_name="Kit")
    Referral.objects.filter(pk=older.pk).update(
        arrived_at=aware(date(2026, 2, 1)),
        status=ReferralStatus.NOT_ACCEPTED,
        decided_at=aware(date(2026, 3, 13)),
        decline_reason=DeclineReason.RISK,
        decision_note="No current risk",
    )


def snapshot(slug: str, month: date, figures: dict[str, int], *, final: bool = True) -> Snapshot:
    """A snapshot with exactly these raw figures (for suppression and page tests)."""
    where = area(slug)
    made, _ = Snapshot.objects.update_or_create(area=where, month=month, defaults={"final": final})
    Figure.objects.filter(area=where, month=month).delete()
    Figure.objects.bulk_create(
        Figure(area=where, month=month, code=code, value=value) for code, value in figures.items() if value
    )
    return made


def register_figures(*, red=0, amber=0, green=0, blue=0, new=0, removed=0) -> dict[str, int]:
    """Register figures that add up as real ones do (everyone aged 11 to 15)."""
    total = red + amber + green + blue
    return {
        "register.rating.red": red,
        "register.rating.amber": amber,
        "register.rating.green": green,
        "register.rating.blue": blue,
        "register.total": total,
        "register.age.11-15": total,
        "register.new": new,
        "register.removed": removed,
        "register.removed.other": removed,
    }
