"""Changes to DSR MDT meetings: planning, the agenda, discussing cases, actions, closing,
feedback and amendments. Each an `<entity>_<action>` function in one transaction.

The minutes are locked in the database once a meeting closes (triggers on the items, actions
and attendees); these services refuse first with a clear message.
"""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from areas.access import has_capability
from areas.models import Area
from areas.selectors import settings_for
from areas.services import settings_update
from dsr.meetings import rules
from dsr.meetings.capabilities import RUN_MEETINGS
from dsr.meetings.extensions import keyworking
from dsr.meetings.selectors import agenda_suggestions
from dsr.models import (
    AgendaItem,
    Meeting,
    MeetingAction,
    MeetingAttendee,
    MeetingFeedback,
    MeetingSettings,
    MinutesAmendment,
    RegisterEntry,
)
from dsr.models.meeting import ActionStatus, AgendaReason, ItemStatus, KeyworkingDecision, MeetingStatus
from dsr.services.ratings import rating_record

LOCKED = "The minutes of a closed meeting are locked: add an amendment instead."


def _refuse_if_closed(meeting: Meeting) -> None:
    if meeting.is_closed:
        raise ValidationError(LOCKED)


def _refuse_unless_in_progress(meeting: Meeting) -> None:
    _refuse_if_closed(meeting)
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise ValidationError("Start the meeting before recording what was decided.")


@transaction.atomic
def meeting_plan(
    *,
    area: Area,
    held_on: date,
    chair,
    planned_by,
    urgent: bool = False,
    starts_at: time | None = None,
    location: str = "",
) -> Meeting:
    """Plan a meeting; the chair must hold the MDT chair role in the area and attends."""
    if not has_capability(chair, RUN_MEETINGS, area.id):
        raise ValidationError({"chair": "Choose someone who is an MDT chair in this area"})
    meeting = Meeting.objects.create(
        area=area, held_on=held_on, chair=chair, urgent=urgent, starts_at=starts_at, location=location
    )
    MeetingAttendee.objects.create(area=area, meeting=meeting, user=chair, organisation="Chair")
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, **details) -> Meeting:
    _refuse_if_closed(meeting)
    if "chair" in details and not has_capability(details["chair"], RUN_MEETINGS, meeting.area_id):
        raise ValidationError({"chair": "Choose someone who is an MDT chair in this area"})
    for name, value in details.items():
        setattr(meeting, name, value)
    meeting.save(update_fields=list(details))
    return meeting


def _lock_meeting(meeting: Meeting) -> Meeting:
    """Re-read the meeting row under a lock: a second chair closing or starting at the same time
    waits and then sees the new status."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def meeting_start(*, meeting: Meeting, started_by) -> Meeting:
    current = _lock_meeting(meeting)
    problem = rules.status_change_problem(current.status, MeetingStatus.IN_PROGRESS)
    if problem:
        raise ValidationError(problem)
    current.status = MeetingStatus.IN_PROGRESS
    current.started_at = timezone.now()
    current.save(update_fields=["status", "started_at"])
    return current


@transaction.atomic
def meeting_close(*, meeting: Meeting, closed_by) -> Meeting:
    """Close the meeting: cases not reached are deferred, feedback falls due for the discussed
    ones, and the minutes are locked from then on."""
    current = _lock_meeting(meeting)
    problem = rules.status_change_problem(current.status, MeetingStatus.CLOSED)
    if problem:
        raise ValidationError(problem)
    current.items.filter(status=ItemStatus.TO_DISCUSS).update(status=ItemStatus.DEFERRED)
    working_days = settings_for(MeetingSettings, current.area_id).feedback_working_days
    due = rules.feedback_due(current.held_on, working_days=working_days)
    current.items.filter(status=ItemStatus.DISCUSSED).update(feedback_due=due)
    current.status = MeetingStatus.CLOSED
    current.closed_at = timezone.now()
    current.closed_by = closed_by
    current.save(update_fields=["status", "closed_at", "closed_by"])
    return current


@transaction.atomic
def attendee_add(*, meeting: Meeting, user=None, name: str = "", organisation: str = "") -> MeetingAttendee:
    _refuse_if_closed(meeting)
    if user is None and not name.strip():
        raise ValidationError({"name": "Choose a user or enter the attendee's name"})
    if user is not None and meeting.attendees.filter(user=user).exists():
        raise ValidationError({"user": f"{user.display_name} is already listed"})
    return MeetingAttendee.objects.create(
        area_id=meeting.area_id, meeting=meeting, user=user, name=name.strip(), organisation=organisation
    )


@transaction.atomic
def attendee_remove(*, attendee: MeetingAttendee) -> None:
    _refuse_if_closed(attendee.meeting)
    attendee.delete()


def _next_position(meeting: Meeting) -> int:
    return (meeting.items.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def agenda_build(*, meeting: Meeting, built_by) -> int:
    """Add every suggested case not already on the agenda (a case taken off stays off), most
    pressing first. Returns how many were added."""
    _refuse_if_closed(meeting)
    suggestions = agenda_suggestions(meeting)
    already = set(meeting.items.values_list("entry_id", flat=True))
    new = sorted(
        ((entry_id, reasons) for entry_id, reasons in suggestions.items() if entry_id not in already),
        key=lambda pair: (rules.agenda_rank(pair[1]), pair[0]),
    )
    entries = RegisterEntry.objects.in_bulk([entry_id for entry_id, _ in new])
    position = _next_position(meeting)
    AgendaItem.objects.bulk_create(
        AgendaItem(
            area_id=meeting.area_id,
            meeting=meeting,
            entry_id=entry_id,
            person_id=entries[entry_id].person_id,
            reasons=reasons,
            position=position + offset,
            added_by=built_by,
            rating_before=entries[entry_id].current_rating,
        )
        for offset, (entry_id, reasons) in enumerate(new)
    )
    return len(new)


@transaction.atomic
def agenda_add_urgent(*, meeting: Meeting, entry: RegisterEntry, note: str, added_by) -> AgendaItem:
    """An urgent addition: goes to the top of the agenda (or is marked urgent if already on it)."""
    _refuse_if_closed(meeting)
    if not note.strip():
        raise ValidationError({"note": "Say why the case is urgent"})
    if entry.area_id != meeting.area_id or not entry.is_open:
        raise ValidationError({"entry": "Choose a person on this area's register"})
    # To the top: everything else moves down one.
    meeting.items.update(position=F("position") + 1)
    first = 0
    item, created = AgendaItem.objects.get_or_create(
        meeting=meeting,
        person_id=entry.person_id,
        defaults={
            "area_id": meeting.area_id,
            "entry": entry,
            "reasons": [AgendaReason.URGENT],
            "urgent_note": note,
            "position": first,
            "added_by": added_by,
            "rating_before": entry.current_rating,
        },
    )
    if not created:
        item.reasons = rules.sorted_reasons([*item.reasons, AgendaReason.URGENT])
        item.urgent_note = note
        item.position = first
        if item.status == ItemStatus.REMOVED:
            item.status = ItemStatus.TO_DISCUSS
        item.save(update_fields=["reasons", "urgent_note", "position", "status"])
    return item


@transaction.atomic
def agenda_remove(*, item: AgendaItem) -> AgendaItem:
    _refuse_if_closed(item.meeting)
    if item.status == ItemStatus.DISCUSSED:
        raise ValidationError("This case has been discussed: it stays in the minutes.")
    item.status = ItemStatus.REMOVED
    item.save(update_fields=["status"])
    return item


@transaction.atomic
def agenda_restore(*, item: AgendaItem) -> AgendaItem:
    _refuse_if_closed(item.meeting)
    item.status = ItemStatus.TO_DISCUSS
    item.save(update_fields=["status"])
    return item


@transaction.atomic
def agenda_move(*, item: AgendaItem, up: bool) -> AgendaItem:
    """Swap the item with its neighbour above or below."""
    _refuse_if_closed(item.meeting)
    ordered = list(item.meeting.items.exclude(status=ItemStatus.REMOVED).order_by("position", "id"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    neighbour_index = index - 1 if up else index + 1
    if not 0 <= neighbour_index < len(ordered):
        return item
    # Renumber the whole visible agenda so equal positions never make a swap a no-op.
    ordered[index], ordered[neighbour_index] = ordered[neighbour_index], ordered[index]
    for position, other in enumerate(ordered, start=1):
        other.position = position
    AgendaItem.objects.bulk_update(ordered, ["position"])
    return item


@transaction.atomic
def item_discuss(
    *,
    item: AgendaItem,
    decided_by,
    notes: str,
    rating: str = "",
    rating_reason: str = "",
    keyworking_decision: str = "",
    keyworker_id: int | None = None,
    keyworking_reason: str = "",
) -> AgendaItem:
    """Record the discussion of a case: the rating decided (into the rating history, with this
    meeting as its source), notes, and the keyworking decision, carried out at once."""
    meeting = item.meeting
    _refuse_unless_in_progress(meeting)
    entry = item.entry
    recorded_rating = item.rating_change.rating if item.rating_change_id else None
    if rating and rating != recorded_rating:
        item.rating_change = rating_record(
            entry=entry,
            rating=rating,
            reason=rating_reason or notes,
            decided_on=meeting.held_on,
            decided_by=decided_by,
            meeting=meeting,
        )
    if keyworking_decision == KeyworkingDecision.CLOSE and not keyworking_reason.strip():
        raise ValidationError({"keyworking_reason": "Give the reason for closing keyworking"})
    if keyworking_decision == KeyworkingDecision.ALLOCATE and keyworker_id is None:
        raise ValidationError({"keyworker": "Choose the keyworker to allocate"})
    if keyworking_decision and keyworking_decision != item.keyworking_decision:
        provider = keyworking()
        if provider is None:
            raise ValidationError({"keyworking_decision": "Keyworking is not available in this service."})
        outcome = provider.carry_out(
            item=item,
            decision=keyworking_decision,
            keyworker_id=keyworker_id,
            reason=keyworking_reason,
            decided_by=decided_by,
        )
        if outcome is not None:
            item.allocation = outcome
    item.notes = notes
    item.keyworking_decision = keyworking_decision
    item.keyworking_reason = keyworking_reason
    item.status = ItemStatus.DISCUSSED
    item.discussed_at = item.discussed_at or timezone.now()
    item.save(
        update_fields=[
            "rating_change",
            "notes",
            "keyworking_decision",
            "keyworking_reason",
            "allocation",
            "status",
            "discussed_at",
        ]
    )
    return item


@transaction.atomic
def action_add(
    *, item: AgendaItem, description: str, due_on: date, created_by, owner=None, owner_name: str = ""
) -> MeetingAction:
    _refuse_if_closed(item.meeting)
    if not description.strip():
        raise ValidationError({"description": "Describe the action"})
    if owner is None and not owner_name.strip():
        raise ValidationError({"owner": "Choose who owns the action, or enter their name"})
    if due_on < item.meeting.held_on:
        raise ValidationError({"due_on": "The due date must be on or after the meeting"})
    return MeetingAction.objects.create(
        area_id=item.area_id,
        meeting_id=item.meeting_id,
        item=item,
        person_id=item.person_id,
        description=description,
        owner=owner,
        owner_name=owner_name.strip(),
        due_on=due_on,
        created_by=created_by,
    )


@transaction.atomic
def action_set_status(
    *, action: MeetingAction, status: str, note: str = "", completed_on: date | None = None
) -> MeetingAction:
    """Progress on an action, during or after the meeting (not part of the locked minutes)."""
    if status == ActionStatus.DONE:
        action.completed_on = completed_on or timezone.localdate()
    else:
        action.completed_on = None
    action.status = status
    action.status_note = note
    action.save(update_fields=["status", "completed_on", "status_note"])
    return action


@transaction.atomic
def feedback_record(
    *,
    item: AgendaItem,
    recipient: str,
    given_on: date,
    method: str,
    recorded_by,
    given_to: str = "",
    notes: str = "",
) -> MeetingFeedback:
    if item.status != ItemStatus.DISCUSSED:
        raise ValidationError("Feedback is recorded for cases the meeting discussed.")
    if given_on < item.meeting.held_on:
        raise ValidationError({"given_on": "Feedback cannot be given before the meeting"})
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": "The date cannot be in the future"})
    try:
        with transaction.atomic():
            return MeetingFeedback.objects.create(
                area_id=item.area_id,
                item=item,
                person_id=item.person_id,
                recipient=recipient,
                given_on=given_on,
                method=method,
                given_to=given_to,
                notes=notes,
                recorded_by=recorded_by,
            )
    except IntegrityError:
        raise ValidationError({"recipient": "Feedback to them is already recorded for this case"}) from None


@transaction.atomic
def amendment_add(*, meeting: Meeting, text: str, made_by, item: AgendaItem | None = None) -> MinutesAmendment:
    """A correction to closed minutes, kept beside them; before the close, edit instead."""
    if not meeting.is_closed:
        raise ValidationError("The meeting is still open: correct the minutes directly.")
    if not text.strip():
        raise ValidationError({"text": "Enter the correction"})
    if item is not None and item.meeting_id != meeting.id:
        raise ValidationError({"item": "Choose a case from this meeting"})
    return MinutesAmendment.objects.create(
        area_id=item.area_id if item else meeting.area_id,
        meeting=meeting,
        item=item,
        person_id=item.person_id if item else None,
        text=text,
        made_by=made_by,
    )


def meeting_settings_update(*, area: Area | int, user, **changes) -> MeetingSettings:
    """Change how an area runs its meetings."""
    return settings_update(MeetingSettings, area, user=user, **changes)
