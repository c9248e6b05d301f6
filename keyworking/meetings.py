"""Keyworking's part in DSR MDT meetings (registered with dsr.meetings.extensions): agenda
candidates, keyworkers with their caseload weights, and carrying out the meeting's decision."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from dsr.meetings.extensions import AgendaCandidate, KeyworkerOption
from dsr.models import Allocation
from dsr.models.meeting import AgendaReason, KeyworkingDecision
from keyworking import selectors
from keyworking.services.allocations import allocation_close, allocation_create, allocation_reallocate


def _decided_on(item) -> date:
    """Decisions date from the meeting (a meeting is never recorded as deciding in the future)."""
    return min(item.meeting.held_on, timezone.localdate())


class MeetingsProvider:
    def agenda_candidates(self, area_id: int, on: date) -> list[AgendaCandidate]:
        candidates = [
            AgendaCandidate(waiting.entry.id, AgendaReason.ELIGIBLE_UNALLOCATED)
            for waiting in selectors.waiting_list([area_id], on)
        ]
        open_entries = {
            allocation.entry_id: allocation
            for allocation in selectors.allocations_due_for_review(area_id, on)
            if allocation.entry_id is not None
        }
        candidates += [AgendaCandidate(entry_id, AgendaReason.ALLOCATION_REVIEW) for entry_id in open_entries]
        return candidates

    def keyworker_options(self, area_id: int) -> list[KeyworkerOption]:
        return [
            KeyworkerOption(load.user.pk, load.user.display_name, load.cases, load.weight)
            for load in selectors.keyworker_loads(area_id)
        ]

    def carry_out(self, *, item, decision: str, keyworker_id: int | None, reason: str, decided_by):
        current = Allocation.objects.filter(person_id=item.person_id, ended_on__isnull=True).first()
        if decision == KeyworkingDecision.KEEP:
            if current is None:
                raise ValidationError({"keyworking_decision": "There is no keyworking to keep: allocate instead"})
            return current
        if decision == KeyworkingDecision.CLOSE:
            if current is None:
                raise ValidationError({"keyworking_decision": "There is no open keyworking to close"})
            return allocation_close(allocation=current, reason=reason, closed_by=decided_by, on=_decided_on(item))
        keyworker = selectors.keyworker_in_area(item.area_id, keyworker_id) if keyworker_id else None
        if keyworker is None:
            raise ValidationError({"keyworker": "Choose someone who holds the keyworker role in this area"})
        if current is not None:
            if not reason.strip():
                raise ValidationError({"keyworking_reason": "They already have a keyworker: say why you reallocate"})
            return allocation_reallocate(
                allocation=current,
                keyworker=keyworker,
                reason=reason,
                reallocated_by=decided_by,
                meeting=item.meeting,
                on=_decided_on(item),
            )
        return allocation_create(
            entry=item.entry, keyworker=keyworker, allocated_by=decided_by, meeting=item.meeting, on=_decided_on(item)
        )
