"""The register: people on it by rating and age band, new entries and removals."""

from collections import Counter

from dashboards.collect.common import age_band, open_on, within
from dsr.models import RatingChange, RegisterEntry
from dsr.models.entry import EntryStatus
from dsr.rules import age_on

# Entries that were on the register at some point: referrals not accepted never were. The
# register keeps no status history, so an entry counts from `added_on` to `removed_on`.
COUNTED_STATUSES = (EntryStatus.ACCEPTED, EntryStatus.ACTIVE, EntryStatus.REMOVED)


def ratings_on(area_id: int, day) -> dict[int, str]:
    """Each entry's rating in force on `day` (the latest decision up to it)."""
    latest = (
        RatingChange.objects.filter(area_id=area_id, decided_on__lte=day)
        .order_by("entry_id", "-decided_on", "-recorded_at", "-id")
        .distinct("entry_id")
    )
    return dict(latest.values_list("entry_id", "rating"))


def counted_entries(area_id: int, last):
    return RegisterEntry.objects.filter(area_id=area_id, status__in=COUNTED_STATUSES, added_on__lte=last).values_list(
        "id", "added_on", "removed_on", "removal_reason", "person__date_of_birth"
    )


def collect(area, first, last) -> Counter:
    figures: Counter[str] = Counter()
    ratings = ratings_on(area.id, last)
    for entry_id, added_on, removed_on, reason, date_of_birth in counted_entries(area.id, last):
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
