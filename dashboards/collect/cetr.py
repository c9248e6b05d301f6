"""C(E)TR timeliness and actions. Deadlines come from cetr.rules and cetr.selectors (the
area's own clocks); only C(E)TRs are counted (cetr.selectors reads reviews alone), never LAEP
or blue-light meetings, which cetr keeps in a separate table."""

from collections import Counter
from datetime import date

from areas.selectors import settings_for
from cetr import rules
from cetr.models import CetrSettings
from cetr.selectors import (
    actions_unresolved_on,
    escalations_made_by,
    flagged_admissions,
    inpatient_reviews_held,
)
from dashboards.collect.common import within
from dsr.selectors import episodes_admitted_by


def timeliness(due: date, held: date | None) -> str:
    if held is None:
        return "not_held"
    return "on_time" if held <= due else "late"


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


def _repeat(area, first, last, held, without_community, figures) -> None:
    settings = settings_for(CetrSettings, area.id)
    episodes = episodes_admitted_by(area.id, last).values(
        "id", "admitted_on", "discharged_on", "secure", "person__date_of_birth"
    )
    for episode in episodes:
        deadlines = rules.repeat_review_deadlines(
            admitted_on=episode["admitted_on"],
            discharged_on=episode["discharged_on"],
            secure=episode["secure"],
            date_of_birth=episode["person__date_of_birth"],
            community_review_held=episode["id"] not in without_community,
            inpatient_reviews_held=held.get(episode["id"], []),
            settings=settings,
            until=last,
        )
        for due, held_on in deadlines:
            if within(due, first, last):
                figures["cetr.repeat.total"] += 1
                figures[f"cetr.repeat.{timeliness(due, held_on)}"] += 1


def _actions(area, first, last, figures) -> None:
    for _, due_on in actions_unresolved_on(area.id, last):
        figures["cetr.actions.total"] += 1
        overdue = rules.action_is_overdue(due_on=due_on, unresolved=True, today=last)
        figures["cetr.actions.overdue" if overdue else "cetr.actions.on_track"] += 1
    for escalated_on, outcome_on in escalations_made_by(area.id, last):
        if within(escalated_on, first, last):
            figures["cetr.escalations.new"] += 1
        if outcome_on is None or outcome_on > last:
            figures["cetr.escalations.open"] += 1


def collect(area, first, last) -> Counter:
    figures: Counter[str] = Counter()
    held = inpatient_reviews_held(area.id)
    without_community = _post_admission(area, first, last, held, figures)
    _repeat(area, first, last, held, without_community, figures)
    _actions(area, first, last, figures)
    return figures
