"""Reading meetings: lists, one meeting with its agenda, agenda suggestions, and the
open actions and outstanding feedback that follow a meeting."""

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from areas import access
from areas.access import users_with_role
from areas.roles import Role
from areas.selectors import settings_for
from dsr.meetings import rules
from dsr.meetings.capabilities import VIEW_MEETINGS
from dsr.meetings.extensions import keyworking
from dsr.models import AgendaItem, Meeting, MeetingAction, MeetingSettings, RegisterEntry
from dsr.models.entry import OPEN_STATUSES, EntryStatus
from dsr.models.meeting import ActionStatus, ItemStatus, MeetingStatus
from dsr.register_list import search_q, searched_names

URGENT_MATCH_LIMIT = 20  # enough to pick from; more means the search needs another word


def meetings_for(user, *, area_ids: list[int] | None = None) -> QuerySet[Meeting]:
    """Meetings in the user's areas (optionally some of them), newest first, with counts."""
    meetings = access.scope(Meeting.objects.all(), user, VIEW_MEETINGS)
    if area_ids is not None:
        meetings = meetings.filter(area_id__in=area_ids)
    return (
        meetings.select_related("area", "chair")
        .order_by("-held_on", "-id")
        .annotate(
            case_count=Count("items", filter=~Q(items__status=ItemStatus.REMOVED), distinct=True),
            open_action_count=Count("actions", filter=Q(actions__status=ActionStatus.OPEN), distinct=True),
        )
    )


def meeting_or_404(user, capability, pk: int) -> Meeting:
    return access.get_or_404(Meeting.objects.select_related("area", "chair", "closed_by"), user, capability, pk=pk)


def agenda(meeting: Meeting, *, include_removed: bool = False) -> list[AgendaItem]:
    """The meeting's items in agenda order, each with person, entry, rating decided and actions."""
    items = meeting.items.select_related("person", "entry", "rating_change", "allocation__keyworker").prefetch_related(
        Prefetch("actions", queryset=MeetingAction.objects.select_related("owner")),
        "feedback",
        "amendments",
    )
    if not include_removed:
        items = items.exclude(status=ItemStatus.REMOVED)
    return list(items)


def attendees(meeting: Meeting):
    return meeting.attendees.select_related("user")


def area_users(area_id: int):
    """Active users holding any role in the area: who can attend a meeting or own an action."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True, role_grants__content_object_id=area_id).distinct()
    return users.order_by("last_name", "first_name", "username")


def chairs(area_id: int):
    return users_with_role(Role.MDT_CHAIR, [area_id]).order_by("last_name", "first_name", "username")


def open_entries(area_id: int) -> QuerySet[RegisterEntry]:
    """The area's open register entries: who may be added to its agenda as an urgent case."""
    return RegisterEntry.objects.filter(area_id=area_id, status__in=OPEN_STATUSES)


def urgent_matches(area_id: int, query: str) -> list[RegisterEntry]:
    """Up to URGENT_MATCH_LIMIT open entries of the area matching the register's search (name,
    NHS number or date of birth), with their people; none for no search text."""
    query = query.strip()
    if not query:
        return []
    matching = open_entries(area_id).annotate(**searched_names()).filter(search_q(query))
    ordered = matching.select_related("person").order_by("sort_family", "sort_given", "id")
    return list(ordered[:URGENT_MATCH_LIMIT])


def previous_meeting_on(meeting: Meeting) -> date | None:
    earlier = (
        Meeting.objects.filter(area_id=meeting.area_id, held_on__lt=meeting.held_on, status=MeetingStatus.CLOSED)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    return earlier


def agenda_suggestions(meeting: Meeting) -> dict[int, list[str]]:
    """{register entry id: reasons} for every open entry of the area that should be discussed:
    red, amber, blue, newly accepted, review due or overdue, and keyworking's own reasons."""
    settings = settings_for(MeetingSettings, meeting.area_id)
    previous = previous_meeting_on(meeting)
    entries = RegisterEntry.objects.filter(
        area_id=meeting.area_id, status__in=[EntryStatus.ACCEPTED, EntryStatus.ACTIVE]
    ).only("id", "status", "current_rating", "next_review_due", "added_on", "status_changed_at")
    suggestions: dict[int, list[str]] = {}
    for entry in entries:
        facts = rules.EntryFacts(
            status=entry.status,
            rating=entry.current_rating,
            next_review_due=entry.next_review_due,
            accepted_on=timezone.localdate(entry.status_changed_at),
        )
        reasons = rules.register_reasons(
            facts,
            meeting_on=meeting.held_on,
            previous_meeting_on=previous,
            review_window_days=settings.review_due_window_days,
        )
        if reasons:
            suggestions[entry.id] = reasons
    provider = keyworking()
    if provider is not None:
        for candidate in provider.agenda_candidates(meeting.area_id, meeting.held_on):
            suggestions.setdefault(candidate.entry_id, []).append(candidate.reason)
    return {entry_id: rules.sorted_reasons(reasons) for entry_id, reasons in suggestions.items()}


def open_actions_for_people(person_ids) -> QuerySet[MeetingAction]:
    """Open meeting actions about these people (for keyworkers' caseloads), soonest due first."""
    return (
        MeetingAction.objects.filter(person_id__in=list(person_ids), status=ActionStatus.OPEN)
        .select_related("owner", "meeting")
        .order_by("due_on", "id")
    )


def feedback_outstanding(area_ids: list[int]) -> QuerySet[AgendaItem]:
    """Discussed cases of closed meetings where the family or the referrer is still to be told."""
    return (
        AgendaItem.objects.filter(
            area_id__in=area_ids, status=ItemStatus.DISCUSSED, meeting__status=MeetingStatus.CLOSED
        )
        .annotate(feedback_count=Count("feedback"))
        .filter(feedback_count__lt=2)
        .select_related("person", "meeting")
        .order_by("feedback_due", "id")
    )
