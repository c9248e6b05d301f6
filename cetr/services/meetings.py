"""LAEP and blue-light meetings (not C(E)TRs) and root-cause reviews of admissions."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cetr.models import EmergencyMeeting, EmergencyMeetingKind, RootCauseReview
from cetr.selectors import episode_needs_root_cause_review
from dsr.models import InpatientEpisode, Person


@transaction.atomic
def emergency_meeting_record(
    *, person: Person, kind: str, held_on: date, outcome: str, recorded_by, attendees: str = ""
) -> EmergencyMeeting:
    """Record a LAEP or blue-light meeting. It is kept apart from C(E)TRs and never counts as one."""
    problems = {}
    if kind not in EmergencyMeetingKind.values:
        problems["kind"] = "Choose LAEP or blue-light meeting"
    if held_on > timezone.localdate():
        problems["held_on"] = "The meeting cannot be recorded as held on a future date"
    if not outcome.strip():
        problems["outcome"] = "Record what the meeting decided"
    if problems:
        raise ValidationError(problems)
    return EmergencyMeeting.objects.create(
        area_id=person.area_id,
        person=person,
        kind=kind,
        held_on=held_on,
        attendees=attendees,
        outcome=outcome,
        recorded_by=recorded_by,
    )


@transaction.atomic
def root_cause_review_record(
    *,
    episode: InpatientEpisode,
    reviewed_on: date,
    why_no_community_review: str,
    findings: str,
    learning: str,
    recorded_by,
) -> RootCauseReview:
    """Record the root-cause review an admission without a community C(E)TR needs."""
    if not episode_needs_root_cause_review(episode):
        raise ValidationError("A community C(E)TR was held before this admission: no root-cause review is needed.")
    problems = {
        name: message
        for name, value, message in (
            ("why_no_community_review", why_no_community_review, "Say why no community C(E)TR was held"),
            ("findings", findings, "Say what happened"),
            ("learning", learning, "Say what will change"),
        )
        if not value.strip()
    }
    if reviewed_on < episode.admitted_on:
        problems["reviewed_on"] = "The review cannot come before the admission"
    if reviewed_on > timezone.localdate():
        problems["reviewed_on"] = "The date cannot be in the future"
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            return RootCauseReview.objects.create(
                area_id=episode.area_id,
                episode=episode,
                person_id=episode.person_id,
                reviewed_on=reviewed_on,
                why_no_community_review=why_no_community_review,
                findings=findings,
                learning=learning,
                recorded_by=recorded_by,
            )
    except IntegrityError:
        raise ValidationError("A root-cause review of this admission is already recorded.") from None
