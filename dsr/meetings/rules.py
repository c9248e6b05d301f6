"""The meetings' domain rules as plain functions: no database, no HTTP."""

from dataclasses import dataclass
from datetime import date

from areas.working_days import add_working_days, working_days_between
from dsr.models.choices import Rating
from dsr.models.meeting import AgendaReason, MeetingStatus

# Agenda order: urgent additions, then by rating severity, then the routine reasons.
REASON_ORDER = list(AgendaReason)

NEXT_STATUS = {
    MeetingStatus.PLANNED: MeetingStatus.IN_PROGRESS,
    MeetingStatus.IN_PROGRESS: MeetingStatus.CLOSED,
}


@dataclass(frozen=True)
class EntryFacts:
    """What the agenda looks at about a register entry."""

    status: str
    rating: str
    next_review_due: date | None
    accepted_on: date


def register_reasons(
    facts: EntryFacts, *, meeting_on: date, previous_meeting_on: date | None, review_window_days: int
) -> list[str]:
    """Why the register itself puts an entry on a meeting's agenda (keyworking adds its own)."""
    reasons = []
    if facts.rating in (Rating.BLUE, Rating.RED, Rating.AMBER):
        reasons.append(AgendaReason(facts.rating))
    newly_accepted = facts.status == "accepted" or (
        previous_meeting_on is not None and facts.accepted_on > previous_meeting_on
    )
    if newly_accepted:
        reasons.append(AgendaReason.NEW)
    if facts.next_review_due is not None and (facts.next_review_due - meeting_on).days <= review_window_days:
        reasons.append(AgendaReason.REVIEW_DUE)
    return reasons


def sorted_reasons(reasons) -> list[str]:
    return sorted(set(reasons), key=lambda reason: REASON_ORDER.index(AgendaReason(reason)))


def agenda_rank(reasons) -> int:
    """Lower is more pressing: the item's most pressing reason."""
    return min((REASON_ORDER.index(AgendaReason(reason)) for reason in reasons), default=len(REASON_ORDER))


def status_change_problem(current: str, wanted: str) -> str | None:
    if NEXT_STATUS.get(MeetingStatus(current)) != wanted:
        now, then = MeetingStatus(current).label.lower(), MeetingStatus(wanted).label.lower()
        return f"A meeting that is {now} cannot become {then}"
    return None


def feedback_due(held_on: date, *, working_days: int) -> date:
    """Feedback to the family and referrer is due this many working days after the meeting."""
    return add_working_days(held_on, working_days)


@dataclass(frozen=True)
class FeedbackState:
    label: str
    overdue: bool
    working_days_left: int | None


def feedback_state(due: date | None, given_on: date | None, today: date) -> FeedbackState:
    if due is None:
        return FeedbackState("Not due yet", False, None)
    if given_on is not None:
        late = given_on > due
        return FeedbackState(f"Given{' late' if late else ''} on {given_on:%-d %b %Y}", False, None)
    left = working_days_between(today, due)
    if left < 0:
        return FeedbackState(f"Overdue since {due:%-d %b %Y}", True, left)
    return FeedbackState(f"Due by {due:%-d %b %Y}", False, left)
