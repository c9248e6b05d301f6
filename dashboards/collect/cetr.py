"""C(E)TR timeliness and actions. Deadlines come from cetr.rules and cetr.selectors (the
area's own clocks); only C(E)TRs (cetr.models.Review) are counted, never LAEP or blue-light
meetings, which cetr keeps in a separate table."""

from collections import Counter, defaultdict
from datetime import date

from areas.selectors import settings_for
from cetr import rules
from cetr.models import Action, ActionUpdate, CetrSettings, Escalation, Review
from cetr.models.actions import UNRESOLVED_STATUSES
from cetr.models.review import INPATIENT_KINDS, ReviewKind
from cetr.selectors import flagged_admissions
from dashboards.collect.common import local_day, within
from dsr.models import InpatientEpisode


def timeliness(due: date, held: date | None) -> str:
    if held is None:
        return "not_held"
    return "on_time" if held <= due else "late"


def _inpatient_reviews_held(area_id: int) -> dict[int, list[date]]:
    """Held inpatient C(E)TRs (post-admission, repeat, triggered by a move) by episode."""
    held: dict[int, list[date]] = defaultdict(list)
    rows = Review.objects.filter(
        area_id=area_id, kind__in=INPATIENT_KINDS, held_on__isnull=False, cancelled_on__isnull=True
    ).values_list("episode_id", "held_on")
    for episode_id, held_on in rows:
        held[episode_id].append(held_on)
    return {episode_id: sorted(days) for episode_id, days in held.items()}


def _post_admission(area, first, last, held, figures) -> set[int]:
    """Post-admission reviews falling due in the month (admissions without a community C(E)TR
    before them). Someone discharged before the deadline without one was not due one."""
    flagged = flagged_admissions(area, outstanding_only=False)
    for flag in flagged:
        episode, due = flag.episode, flag.post_admission_due
        first_held = (held.get(episode.id) or [None])[0]
        if not within(due, first, last):
            continue
        if first_held is None and episode.discharged_on is not None and episode.discharged_on < due:
            continue
        figures["cetr.post_admission.total"] += 1
        figures[f"cetr.post_admission.{timeliness(due, first_held)}"] += 1
    return {flag.episode.id for flag in flagged}


def repeat_deadlines(*, episode, date_of_birth, community_held: bool, held: list[date], settings, until: date):
    """(due date, the review held for it or None) for each repeat review of an episode falling
    due up to `until`, by cetr.rules.next_inpatient_review. Each held review restarts the clock."""
    deadlines = []
    for count in range(len(held) + 1):
        following = rules.next_inpatient_review(
            admitted_on=episode["admitted_on"],
            secure=episode["secure"],
            date_of_birth=date_of_birth,
            community_review_held=community_held,
            inpatient_reviews_held=held[:count],
            settings=settings,
        )
        if following.kind != ReviewKind.INPATIENT_REPEAT:
            continue  # the post-admission review comes first: counted on its own
        discharged_on = episode["discharged_on"]
        if following.due_by > until or (discharged_on is not None and discharged_on < following.due_by):
            break
        deadlines.append((following.due_by, held[count] if count < len(held) else None))
    return deadlines


def _repeat(area, first, last, held, without_community, figures) -> None:
    settings = settings_for(CetrSettings, area.id)
    episodes = InpatientEpisode.objects.filter(area_id=area.id, admitted_on__lte=last).values(
        "id", "admitted_on", "discharged_on", "secure", "person__date_of_birth"
    )
    for episode in episodes:
        deadlines = repeat_deadlines(
            episode=episode,
            date_of_birth=episode["person__date_of_birth"],
            community_held=episode["id"] not in without_community,
            held=held.get(episode["id"], []),
            settings=settings,
            until=last,
        )
        for due, held_on in deadlines:
            if within(due, first, last):
                figures["cetr.repeat.total"] += 1
                figures[f"cetr.repeat.{timeliness(due, held_on)}"] += 1


def _status_on(action_statuses: dict[int, list[tuple[date, str, str]]], action_id: int, current: str, day: date) -> str:
    """An action's status on `day`, from its follow-up log (the current status when it has none)."""
    log = action_statuses.get(action_id)
    if not log:
        return current
    status = log[0][1]  # what it was before its first update
    for recorded_on, _, status_to in log:
        if recorded_on <= day:
            status = status_to
    return status


def _actions(area, first, last, figures) -> None:
    log: dict[int, list[tuple[date, str, str]]] = defaultdict(list)
    updates = ActionUpdate.objects.filter(area_id=area.id).order_by("recorded_at", "id")
    for action_id, recorded_at, status_from, status_to in updates.values_list(
        "action_id", "recorded_at", "status_from", "status_to"
    ):
        log[action_id].append((local_day(recorded_at), status_from, status_to))
    # An action exists from the review that recommended it (records are often typed in later).
    actions = Action.objects.filter(area_id=area.id, recommendation__review__held_on__lte=last).values_list(
        "id", "status", "due_on"
    )
    for action_id, current, due_on in actions:
        status = _status_on(log, action_id, current, last)
        if status not in UNRESOLVED_STATUSES:
            continue
        figures["cetr.actions.total"] += 1
        overdue = rules.action_is_overdue(due_on=due_on, unresolved=True, today=last)
        figures["cetr.actions.overdue" if overdue else "cetr.actions.on_track"] += 1
    for escalated_on, outcome_on in Escalation.objects.filter(area_id=area.id, escalated_on__lte=last).values_list(
        "escalated_on", "outcome_on"
    ):
        if within(escalated_on, first, last):
            figures["cetr.escalations.new"] += 1
        if outcome_on is None or outcome_on > last:
            figures["cetr.escalations.open"] += 1


def collect(area, first, last) -> Counter:
    figures: Counter[str] = Counter()
    held = _inpatient_reviews_held(area.id)
    without_community = _post_admission(area, first, last, held, figures)
    _repeat(area, first, last, held, without_community, figures)
    _actions(area, first, last, figures)
    return figures
