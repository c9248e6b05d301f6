"""Keyworking: eligible people allocated or waiting (by keyworking.rules and the area's
eligibility policies), waiting time to allocation, caseloads, contacts, hope scores and the
national outcomes."""

from collections import Counter, defaultdict

from dashboards.collect.common import day_range, open_on, within
from dsr.selectors import rating_decisions
from keyworking import rules
from keyworking.selectors import (
    allocations_made_by,
    contact_count,
    entries_with_person_facts,
    hope_scores,
    outcome_scores,
    person_facts,
    policies_for,
)

WAIT_BANDS = ((14, "0-14"), (28, "15-28"), (56, "29-56"), (None, "57+"))


def wait_band(days: int) -> str:
    return next(band for limit, band in WAIT_BANDS if limit is None or days <= limit)


def _eligibility(area, last, allocations, figures) -> None:
    """Eligible on `last` (the area's policy in force then, the rating then), and whether
    allocated a keyworker then."""
    policies = policies_for([area.id])[area.id]
    entries = [
        entry
        for entry in entries_with_person_facts(area.id, added_by=last)
        if open_on(entry.added_on, entry.removed_on, last)
    ]
    history: dict[int, list] = defaultdict(list)
    for entry_id, decided_on, rating in rating_decisions(area.id, until=last).values_list(
        "entry_id", "decided_on", "rating"
    ):
        history[entry_id].append((decided_on, rating))
    allocated_people = {a["person_id"] for a in allocations if open_on(a["allocated_on"], a["ended_on"], last)}
    for entry in entries:
        rating = rules.rating_on(history[entry.id], last)
        if not rules.is_eligible(policies, person_facts(entry.person), rating, last):
            continue
        figures["keyworking.eligible.total"] += 1
        allocated = entry.person_id in allocated_people
        figures["keyworking.eligible.allocated" if allocated else "keyworking.eligible.waiting"] += 1


def _allocations(first, last, allocations, figures) -> None:
    keyworkers = set()
    for allocation in allocations:
        allocated_on, ended_on = allocation["allocated_on"], allocation["ended_on"]
        if within(allocated_on, first, last):
            days = max(rules.waiting_days(allocation["eligible_since"], allocated_on), 0)
            figures["keyworking.allocations.new"] += 1
            figures[f"keyworking.wait.{wait_band(days)}"] += 1
            figures["keyworking.wait_days"] += days
        if open_on(allocated_on, ended_on, last):
            figures["keyworking.allocations.open"] += 1
            keyworkers.add(allocation["keyworker_id"])
        if allocated_on <= last and (ended_on is None or ended_on >= first):
            figures["keyworking.cases_in_month"] += 1
    figures["keyworking.keyworkers"] = len(keyworkers)


def _activity(area, first, last, figures) -> None:
    start, end = day_range(first, last)
    figures["keyworking.contacts"] = contact_count(area.id, start, end)
    for score in hope_scores(area.id, first, last):
        figures["keyworking.hope.sum"] += score
        figures["keyworking.hope.count"] += 1
    for scores in outcome_scores(area.id, first, last):
        for field, score in scores.items():
            if score is not None:
                figures[f"keyworking.outcome.{field}.sum"] += score
                figures[f"keyworking.outcome.{field}.count"] += 1


def collect(area, first, last) -> Counter:
    figures: Counter[str] = Counter()
    allocations = allocations_made_by(area.id, last)
    _eligibility(area, last, allocations, figures)
    _allocations(first, last, allocations, figures)
    _activity(area, first, last, figures)
    return figures
