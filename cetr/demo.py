"""Synthetic C(E)TR demo data for every area: a child with a community CETR and its actions
(one overdue, one escalated), a child admitted after only a LAEP meeting (flagged for a
root-cause review, post-admission CETR scheduled), and an adult in a secure hospital due a
repeat CTR. On one Thurrock panel, the commissioner and a Newham commissioner (from outside
the area) may open the case papers. Safe to run twice: an area that already has the demo
people is left alone. Free text carries the area's canary (`canary-<slug>`)."""

from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.utils import timezone

from areas.models import Area
from cetr.models import ActionStatus, Attendance, PanelRole
from cetr.services.actions import action_add, action_escalate, action_update, recommendation_add
from cetr.services.meetings import emergency_meeting_record
from cetr.services.panel import panel_member_add, paper_add
from cetr.services.reviews import review_record, review_request
from dsr.models import Allocation, Diagnosis, Person
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus
from dsr.nhs_numbers import synthetic_nhs_number
from dsr.services.consents import consent_record
from dsr.services.entries import entry_open
from dsr.services.episodes import episode_admit
from dsr.services.people import person_create

FAMILY_NAME = "Cetrdemo"  # clearly fake: every demo person here has it
SERIAL_BASE = 850_000
PEER_USERNAME = "commissioner.newham"  # from outside Thurrock: the consent gate applies


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _person(area: Area, index: int, given_name: str, date_of_birth: date, **details) -> Person:
    serial = SERIAL_BASE + area.id * 100 + index * 10
    return person_create(
        area_id=area.id,
        given_name=given_name,
        family_name=FAMILY_NAME,
        date_of_birth=date_of_birth,
        diagnosis=details.pop("diagnosis", Diagnosis.AUTISM),
        nhs_number=synthetic_nhs_number(serial),
        **details,
    )


def _at(day: date, hour: int = 10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _community_review(area: Area, coordinator, keyworker, today: date) -> None:
    canary = f"canary-{area.slug}"
    child = _person(area, 1, "Robin", today - relativedelta(years=14, months=3), has_ehc_plan=True)
    entry = entry_open(person=child, status=EntryStatus.ACTIVE, on=today - timedelta(days=200))
    consent_record(
        entry=entry,
        basis=ConsentBasis.PARENTAL,
        given_by="Synthetic Parent",
        relationship="Mother",
        recorded_on=today - timedelta(days=120),
        recorded_by=coordinator,
    )
    if keyworker is not None:
        Allocation.objects.create(
            area_id=area.id,
            person=child,
            entry=entry,
            keyworker=keyworker,
            eligible_since=today - timedelta(days=150),
            allocated_on=today - timedelta(days=140),
            allocated_by=coordinator,
        )
    review = review_request(
        person=child, kind="community", requested_on=today - timedelta(days=80), created_by=coordinator
    )
    review_record(
        review=review,
        scheduled_at=_at(today - timedelta(days=60)),
        venue=f"Synthetic Family Centre, Room 2 ({canary})",
        invitations_sent_on=today - timedelta(days=76),
        papers_sent_on=today - timedelta(days=62),
        held_on=today - timedelta(days=60),
        person_attendance=Attendance.PART,
        family_attendance=Attendance.ATTENDED,
        summary=f"Placement at risk after school exclusion; admission avoided for now ({canary}).",
        report_issued_on=today - timedelta(days=50),
    )
    for role, name, organisation in (
        (PanelRole.CHAIR, "Casey Chairperson", f"{area.name} commissioning (synthetic)"),
        (PanelRole.CLINICAL_EXPERT, "Dr Jordan Clinician", "Synthetic Clinical Experts Ltd"),
        (PanelRole.EXPERT_BY_EXPERIENCE, "Sam Experience", "Synthetic Experts by Experience"),
    ):
        panel_member_add(review=review, role=role, name=name, organisation=organisation)
    school = recommendation_add(review=review, text=f"Agree a reduced timetable with a return plan ({canary}).")
    overdue = action_add(
        recommendation=school,
        description=f"Convene a return-to-school meeting with the SENCO ({canary})",
        owner_name="Pat Senco",
        owner_organisation="Synthetic Academy",
        due_on=today - timedelta(days=10),
    )
    action_update(action=overdue, note="Chased by email; no date yet.", recorded_by=coordinator, status="in_progress")
    respite = recommendation_add(review=review, text=f"Short breaks to support the family ({canary}).")
    escalated = action_add(
        recommendation=respite,
        description=f"Fund an overnight short-break package ({canary})",
        owner_name="Lee Manager",
        owner_organisation="Synthetic Children's Social Care",
        due_on=today - timedelta(days=20),
    )
    action_escalate(
        action=escalated,
        reason="No funding decision after two requests.",
        escalated_on=today - timedelta(days=5),
        escalated_by=coordinator,
    )
    done = action_add(
        recommendation=respite,
        description="Refer to the short-breaks team",
        owner_name="Pat Worker",
        owner_organisation="Synthetic Children's Social Care",
        due_on=today - timedelta(days=40),
    )
    action_update(
        action=done,
        note="Referral made.",
        recorded_by=coordinator,
        status=ActionStatus.DONE,
        evidence="Referral reference SYN-001 sent.",
    )
    action_add(
        recommendation=school,
        description=f"Speech and language review of communication passport ({canary})",
        owner_name="Alex Therapist",
        owner_organisation="Synthetic NHS Trust",
        due_on=today + timedelta(days=7),
    )


def _admission_after_laep(area: Area, coordinator, today: date):
    canary = f"canary-{area.slug}"
    child = _person(area, 2, "Morgan", today - relativedelta(years=16, months=1))
    entry = entry_open(person=child, status=EntryStatus.ACTIVE, on=today - timedelta(days=90))
    consent_record(
        entry=entry,
        basis=ConsentBasis.CAPACITOUS,
        given_by="Morgan Cetrdemo",
        recorded_on=today - timedelta(days=30),
        recorded_by=coordinator,
    )
    emergency_meeting_record(
        person=child,
        kind="laep",
        held_on=today - timedelta(days=12),
        attendees="Synthetic crisis team, family, social worker",
        outcome=f"Community options exhausted; admission agreed as last resort ({canary}).",
        recorded_by=coordinator,
    )
    episode_admit(
        person=child,
        admitted_on=today - timedelta(days=10),
        hospital="Synthetic Adolescent Unit",
        section="s2",
        recorded_by=coordinator,
    )
    review = review_request(
        person=child, kind="post_admission", requested_on=today - timedelta(days=9), created_by=coordinator
    )
    review_record(
        review=review, scheduled_at=_at(today + timedelta(days=3), 14), venue=f"Synthetic Adolescent Unit ({canary})"
    )
    paper_add(
        review=review,
        title="Summary of the admission",
        body=f"Admitted under section 2 after a LAEP meeting; no community CETR had been held ({canary}).",
        added_by=coordinator,
    )
    return review


def _adult_in_secure_care(area: Area, coordinator, today: date) -> None:
    canary = f"canary-{area.slug}"
    adult = _person(area, 3, "Charlie", today - relativedelta(years=20, months=6), diagnosis=Diagnosis.BOTH)
    entry_open(person=adult, status=EntryStatus.ACTIVE, on=today - timedelta(days=400))
    episode = episode_admit(
        person=adult,
        admitted_on=today - timedelta(days=300),
        hospital="Synthetic Secure Hospital",
        section="s3",
        secure=True,
        recorded_by=coordinator,
    )
    review = review_request(
        person=adult, kind="post_admission", requested_on=today - timedelta(days=295), created_by=coordinator
    )
    review_record(
        review=review,
        scheduled_at=_at(today - timedelta(days=280)),
        held_on=today - timedelta(days=280),
        venue=f"Synthetic Secure Hospital ({canary})",
        summary=f"Discharge planning to start; housing provider to be found ({canary}).",
        report_issued_on=today - timedelta(days=268),
    )
    assert review.episode_id == episode.id


def _panel_with_papers_access(review) -> None:
    """The area's commissioner chairs; a neighbouring area's commissioner sits as a peer. Both
    reach the case papers only as panel members (neither has a case-holding role here)."""
    for username, role, detail, name in (
        (f"commissioner.{review.area.slug}", PanelRole.CHAIR, "", "Commissioner (chair)"),
        (PEER_USERNAME, PanelRole.OTHER, "Peer commissioner from a neighbouring area", "Peer Commissioner"),
    ):
        user = _user(username)
        if user is not None:
            panel_member_add(
                review=review,
                role=role,
                role_detail=detail,
                name=name,
                organisation="Synthetic ICB",
                user=user,
                invited_on=timezone.localdate() - timedelta(days=7),
                papers_access=True,
            )


def load() -> None:
    today = timezone.localdate()
    for area in Area.objects.order_by("id"):
        if Person.objects.filter(area=area, family_name=FAMILY_NAME).exists():
            continue  # loaded before
        coordinator = _user(f"cetr_coordinator.{area.slug}")
        if coordinator is None:
            continue
        keyworker = _user(f"keyworker.{area.slug}")
        _community_review(area, coordinator, keyworker, today)
        post_admission = _admission_after_laep(area, coordinator, today)
        _adult_in_secure_care(area, coordinator, today)
        if area.slug == "thurrock":
            _panel_with_papers_access(post_admission)
