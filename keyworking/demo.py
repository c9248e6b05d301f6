"""Demo keyworking and DSR MDT meetings (synthetic only; safe to run twice).

Runs after the register's demo (dsr.demo) and uses its people; an area with too few people on
its register gets a few clearly fake ones of its own. Every area's free text carries its
canary string `canary-<slug>`.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from areas.models import Area
from dsr.meetings import services as meetings
from dsr.models import Allocation, Diagnosis, Meeting, Rating, RegisterEntry
from dsr.models.entry import EntryStatus
from dsr.models.meeting import AgendaReason, FeedbackMethod, FeedbackRecipient, ItemStatus, KeyworkingDecision
from keyworking import selectors
from keyworking.models import Activity, ContactMode, ContactWith, EligibilityPolicy, OutcomePoint
from keyworking.services import casework
from keyworking.services.allocations import allocation_create
from keyworking.services.contacts import contact_record

NEL_START, NEL_WIDER = date(2021, 4, 1), date(2024, 4, 1)
ESSEX_INPATIENTS, ESSEX_WIDER = date(2023, 2, 1), date(2023, 10, 1)
ALL_DIAGNOSES = [Diagnosis.LEARNING_DISABILITY, Diagnosis.AUTISM, Diagnosis.BOTH]
AT_RISK = [Rating.AMBER, Rating.RED, Rating.BLUE]
DEMO_LOCATION = "Demo meeting room"


def _policy(service: str, effective_from: date, ratings: list[str], max_age: int, description: str) -> dict:
    return {
        "service": service,
        "effective_from": effective_from,
        "ratings": ratings,
        "max_age": max_age,
        "description": description,
    }


def _policies(area: Area) -> list[dict]:
    """NEL: 0–17, then 0–25 from 1 April 2024. Essex: inpatients only from February 2023, then
    wider (the wider date is a demo assumption). Southend and Thurrock: demo assumptions."""
    canary = f"Synthetic demo policy (canary-{area.slug})."
    if area.partnership.code == "nel":
        return [
            _policy("NELFT keyworking service", NEL_START, AT_RISK, 17, f"Ages 0 to 17. {canary}"),
            _policy("NELFT keyworking service", NEL_WIDER, AT_RISK, 25, f"Extended to 18 to 25 year olds. {canary}"),
        ]
    if area.slug == "essex":
        return [
            _policy("Essex keyworking service", ESSEX_INPATIENTS, [Rating.BLUE], 25, f"Inpatients only. {canary}"),
            _policy("Essex keyworking service", ESSEX_WIDER, AT_RISK, 25, f"Amber, red and blue. {canary}"),
        ]
    return [_policy(f"{area.name} keyworking service", date(2023, 4, 1), AT_RISK, 25, canary)]


def _load_policies(area: Area) -> None:
    for terms in _policies(area):
        EligibilityPolicy.objects.get_or_create(
            area=area,
            effective_from=terms.pop("effective_from"),
            defaults={"diagnoses": ALL_DIAGNOSES, "min_age": 0, **terms},
        )


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _own_people(area: Area, chair) -> None:
    """A few fake people for areas whose register has too few to show keyworking."""
    from dsr.services.entries import entry_open
    from dsr.services.people import person_create
    from dsr.services.ratings import rating_record

    today = timezone.localdate()
    for number, (given, rating) in enumerate([("Ash", Rating.RED), ("Bo", Rating.AMBER), ("Cam", Rating.BLUE)]):
        family = f"Keyworkdemo-{area.slug[:12]}"
        if RegisterEntry.objects.filter(area=area, person__given_name=given, person__family_name=family).exists():
            continue
        person = person_create(
            area_id=area.id,
            given_name=given,
            family_name=family,
            date_of_birth=date(2011 + number, 3, 1 + number),
            diagnosis=Diagnosis.BOTH,
        )
        entry = entry_open(
            person=person,
            status=EntryStatus.ACTIVE,
            on=today - timedelta(days=90 + 20 * number),
            current_issues=f"Synthetic demo case: escalating distress at school (canary-{area.slug}).",
        )
        rating_record(
            entry=entry,
            rating=rating,
            reason=f"Demo rating (canary-{area.slug})",
            decided_on=entry.added_on,
            decided_by=chair,
        )


def _eligible_entries(area: Area) -> list[RegisterEntry]:
    return [row.entry for row in selectors.waiting_list([area.id], timezone.localdate())]


def _casework(allocation: Allocation, keyworker, senior, slug: str) -> None:
    if allocation.contacts.exists():
        return
    now = timezone.now()
    start = timezone.make_aware(datetime.combine(allocation.allocated_on, time(0, 5)))
    contact_record(
        allocation=allocation,
        author=keyworker,
        occurred_at=min(max(now - timedelta(days=6), start), now),
        mode=ContactMode.FACE_TO_FACE,
        with_whom=[ContactWith.YOUNG_PERSON, ContactWith.PARENT_CARER],
        duration_minutes=60,
        activities=[Activity.CARE_PLANNING, Activity.COMMUNICATION],
        notes=f"Home visit: agreed a one-page profile with the family (canary-{slug}).",
    )
    contact_record(
        allocation=allocation,
        author=keyworker,
        occurred_at=min(max(now - timedelta(days=2), start), now),
        mode=ContactMode.PHONE,
        with_whom=[ContactWith.PROFESSIONAL],
        service="CAMHS learning disability team",
        duration_minutes=20,
        activities=[Activity.CARE_COORDINATION],
        notes=f"Chased the sensory assessment (canary-{slug}).",
    )
    goal = casework.goal_add(
        allocation=allocation,
        created_by=keyworker,
        target_on=timezone.localdate() + timedelta(days=60),
        description=f"Go back to school three mornings a week (canary-{slug})",
    )
    casework.goal_progress_record(goal=goal, score=3, recorded_by=keyworker, note="Two mornings last week")
    casework.hope_record(allocation=allocation, score=4, recorded_by=keyworker, given_by="Parent (demo)")
    casework.outcome_rate(
        allocation=allocation,
        point=OutcomePoint.ALLOCATION,
        recorded_by=keyworker,
        scores={"safe_and_happy": 2, "listened_to": 3, "family_listened_to": 2, "family_less_stress": 1},
        note=f"Baseline at allocation (canary-{slug})",
    )
    casework.spend_record(
        allocation=allocation,
        amount=Decimal("24.50"),
        what_for=f"Bus passes for school visits (canary-{slug})",
        recorded_by=keyworker,
    )
    if senior is not None:
        casework.clinical_note_add(
            allocation=allocation,
            author=senior,
            text=f"Consider a positive behaviour support plan review (canary-{slug}).",
        )


def _allocations(area: Area, chair, keyworkers: list) -> None:
    senior = _user(f"senior_practitioner.{area.slug}")
    for keyworker, entry in zip(keyworkers, _eligible_entries(area)[:2], strict=False):
        on = timezone.localdate() - timedelta(days=10)
        try:
            allocation = allocation_create(entry=entry, keyworker=keyworker, allocated_by=chair, on=on)
        except ValidationError:
            continue  # not eligible ten days ago: the demo leaves them waiting
        _casework(allocation, keyworker, senior, area.slug)
    for allocation in Allocation.objects.filter(area=area, ended_on__isnull=True).select_related("keyworker"):
        _casework(allocation, allocation.keyworker, senior, area.slug)


def _meetings(area: Area, chair, keyworker) -> None:
    if Meeting.objects.filter(area=area, location=DEMO_LOCATION).exists():
        return
    today = timezone.localdate()
    past = meetings.meeting_plan(
        area=area,
        held_on=today - timedelta(days=14),
        chair=chair,
        planned_by=chair,
        starts_at=time(10),
        location=DEMO_LOCATION,
    )
    meetings.attendee_add(meeting=past, name="Dr Demo Consultant", organisation=f"CAMHS (canary-{area.slug})")
    if keyworker is not None:
        meetings.attendee_add(meeting=past, user=keyworker, organisation="Keyworker")
    meetings.agenda_build(meeting=past, built_by=chair)
    past = meetings.meeting_start(meeting=past, started_by=chair)
    for item in past.items.select_related("entry", "meeting")[:3]:
        decision = KeyworkingDecision.ALLOCATE if AgendaReason.ELIGIBLE_UNALLOCATED in item.reasons else ""
        try:
            meetings.item_discuss(
                item=item,
                decided_by=chair,
                rating=item.entry.current_rating or Rating.AMBER,
                rating_reason=f"Reviewed at the MDT (canary-{area.slug})",
                notes=f"Placement stable this month; school attendance improving (canary-{area.slug}).",
                keyworking_decision=decision if keyworker else "",
                keyworker_id=keyworker.pk if keyworker else None,
            )
        except ValidationError:  # a demo case the rules refuse (e.g. a rating hold) is simply skipped
            item.refresh_from_db()
            continue
        meetings.action_add(
            item=item,
            description=f"Share the updated crisis plan with the family (canary-{area.slug})",
            due_on=today + timedelta(days=7),
            owner=keyworker or chair,
            created_by=chair,
        )
    past = meetings.meeting_close(meeting=past, closed_by=chair)
    first = past.items.filter(status=ItemStatus.DISCUSSED).first()
    if first is not None:
        meetings.feedback_record(
            item=first,
            recipient=FeedbackRecipient.FAMILY,
            given_on=today - timedelta(days=12),
            method=FeedbackMethod.PHONE,
            given_to="Parent (demo)",
            recorded_by=chair,
        )
        meetings.amendment_add(
            meeting=past,
            item=first,
            made_by=chair,
            text=f"Correction: the school named in the notes is the demo academy (canary-{area.slug}).",
        )
    upcoming = meetings.meeting_plan(
        area=area,
        held_on=today + timedelta(days=7),
        chair=chair,
        planned_by=chair,
        starts_at=time(14),
        location=DEMO_LOCATION,
    )
    meetings.agenda_build(meeting=upcoming, built_by=chair)


def load() -> None:
    for area in Area.objects.select_related("partnership"):
        _load_policies(area)
        chair = _user(f"mdt_chair.{area.slug}")
        if chair is None:
            continue  # the areas demo made no users: nothing more to show
        if RegisterEntry.objects.filter(area=area, status=EntryStatus.ACTIVE).count() < 3:
            _own_people(area, chair)
        keyworkers = [user for user in (_user(f"keyworker.{area.slug}"), _user("keyworker.nel")) if user]
        keyworkers = [user for user in keyworkers if selectors.keyworker_in_area(area.id, user.pk)]
        _meetings(area, chair, keyworkers[0] if keyworkers else None)
        _allocations(area, chair, keyworkers)
