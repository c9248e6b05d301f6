"""The register: people on it by rating and age band, new entries and removals."""

from collections import Counter

from dashboards.collect.common import age_band, open_on, within
from dsr.rules import age_on
from dsr.selectors import entries_ever_on_register, ratings_in_force


def collect(area, first, last) -> Counter:
    """Counted from the entries ever on the register (dsr.selectors.EVER_ON_REGISTER), each from
    `added_on` to `removed_on`: the register keeps no status history."""
    figures: Counter[str] = Counter()
    ratings = ratings_in_force(area.id, last)
    entries = entries_ever_on_register(area.id, added_by=last).values_list(
        "id", "added_on", "removed_on", "removal_reason", "person__date_of_birth"
    )
    for entry_id, added_on, removed_on, reason, date_of_birth in entries:
        if within(added_on, first, last):
            figures["register.new"] += 1
        if within(removed_on, first, last):
            figures["register.removed"] += 1
            figures[f"register.removed.{reason}"] += 1
        if open_on(added_on, removed_on, last):
            figures["register.total"] += 1
            figures[f"register.rating.{ratings.get(entry_id) or 'none'}"] += 1
            figures[f"register.age.{age_band(age_on(date_of_birth, last))}"] += 1
    return figures
