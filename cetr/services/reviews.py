"""Requesting, scheduling, recording and cancelling C(E)TRs."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from areas.selectors import settings_for
from cetr import rules
from cetr.models import CetrSettings, Review, ReviewKind
from cetr.models.review import INPATIENT_KINDS
from dsr.models import InpatientEpisode, Person

RECORD_FIELDS = (
    "scheduled_at",
    "venue",
    "invitations_sent_on",
    "papers_sent_on",
    "held_on",
    "report_issued_on",
    "person_attendance",
    "family_attendance",
    "summary",
)


def _variant(person: Person, on: date) -> str:
    return rules.review_variant(date_of_birth=person.date_of_birth, has_ehc_plan=person.has_ehc_plan, on=on)


def _due_by(kind: str, person: Person, episode: InpatientEpisode | None, settings) -> date | None:
    """The policy deadline of a newly requested review, where the policy sets one."""
    if kind == ReviewKind.POST_ADMISSION:
        child = rules.is_child(person.date_of_birth, episode.admitted_on)
        return rules.post_admission_due(admitted_on=episode.admitted_on, child=child, settings=settings)
    if kind == ReviewKind.INPATIENT_REPEAT:
        last = (
            Review.objects.filter(episode=episode, held_on__isnull=False, cancelled_on__isnull=True)
            .order_by("-held_on")
            .values_list("held_on", flat=True)
            .first()
        )
        child = rules.is_child(person.date_of_birth, last or episode.admitted_on)
        return rules.repeat_review_due(
            last_held_on=last or episode.admitted_on, child=child, secure=episode.secure, settings=settings
        )
    return None


def _episode_for(kind: str, person: Person, episode: InpatientEpisode | None) -> InpatientEpisode | None:
    """The admission the review belongs to: the one given, or else the person's current one."""
    current = InpatientEpisode.objects.filter(person=person, discharged_on__isnull=True).first()
    if kind == ReviewKind.COMMUNITY:
        if current is not None or episode is not None:
            raise ValidationError(
                {"kind": "This person is an inpatient: a community C(E)TR is held before an admission, to avoid it"}
            )
        return None
    episode = episode or current
    if kind in INPATIENT_KINDS and episode is None:
        raise ValidationError(
            {"kind": "No current admission is recorded for this person: record the admission on the register first"}
        )
    if episode is not None and episode.person_id != person.pk:
        raise ValidationError({"episode": "That admission is not this person's"})
    return episode


@transaction.atomic
def review_request(
    *,
    person: Person,
    kind: str,
    requested_on: date,
    created_by,
    episode: InpatientEpisode | None = None,
    trigger_detail: str = "",
) -> Review:
    """Record that a C(E)TR is needed. Whether it is a CETR or a CTR follows from the person's
    age and EHC plan; inpatient reviews carry the policy deadline from the area's settings."""
    if kind not in ReviewKind.values:
        raise ValidationError({"kind": "Choose a type of C(E)TR"})
    episode = _episode_for(kind, person, episode)
    if kind.startswith("triggered") and not trigger_detail.strip():
        raise ValidationError({"trigger_detail": "Say what triggered the review"})
    if requested_on > timezone.localdate():
        raise ValidationError({"requested_on": "The date requested cannot be in the future"})
    return Review.objects.create(
        area_id=person.area_id,
        person=person,
        kind=kind,
        variant=_variant(person, requested_on),
        episode=episode,
        trigger_detail=trigger_detail,
        due_by=_due_by(kind, person, episode, settings_for(CetrSettings, person.area_id)),
        requested_on=requested_on,
        created_by=created_by,
    )


def _date_problems(review: Review, values: dict, today: date) -> dict[str, str]:
    problems = {}
    held_on, report_on = values.get("held_on"), values.get("report_issued_on")
    if held_on and held_on > today:
        problems["held_on"] = "A review cannot be recorded as held on a future date"
    if held_on and held_on < review.requested_on:
        problems["held_on"] = "The review cannot be held before it was requested"
    if report_on and not held_on:
        problems["report_issued_on"] = "Record when the review was held before the report"
    elif report_on and report_on < held_on:
        problems["report_issued_on"] = "The report cannot be issued before the review was held"
    if report_on and report_on > today:
        problems["report_issued_on"] = "The report cannot be recorded as issued on a future date"
    scheduled_at: datetime | None = values.get("scheduled_at")
    if scheduled_at and scheduled_at.date() < review.requested_on:
        problems["scheduled_at"] = "The review cannot be scheduled before it was requested"
    return problems


@transaction.atomic
def review_record(*, review: Review, **values) -> Review:
    """Schedule the review and record its preparation, the day it was held, attendance, the
    summary and the report. Whether it is a CETR or a CTR is settled on the day it is held."""
    unknown = set(values) - set(RECORD_FIELDS)
    if unknown:
        raise ValueError(f"Not review details: {sorted(unknown)}")
    if review.cancelled_on:
        raise ValidationError("This review was cancelled: request a new one instead.")
    merged = {name: values.get(name, getattr(review, name)) for name in RECORD_FIELDS}
    problems = _date_problems(review, merged, timezone.localdate())
    if problems:
        raise ValidationError(problems)
    for name, value in values.items():
        setattr(review, name, value)
    if review.held_on:
        review.variant = _variant(review.person, review.held_on)
    review.save()
    return review


@transaction.atomic
def review_cancel(*, review: Review, reason: str, cancelled_on: date) -> Review:
    if review.held_on:
        raise ValidationError("This review has been held and cannot be cancelled.")
    if review.cancelled_on:
        raise ValidationError("This review is already cancelled.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the review is cancelled"})
    review.cancelled_on = cancelled_on
    review.cancel_reason = reason
    review.save(update_fields=["cancelled_on", "cancel_reason", "updated_at"])
    return review
