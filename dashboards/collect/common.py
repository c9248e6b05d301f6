"""Small helpers shared by the collectors."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from dsr.rules import AGE_BANDS


def age_band(age: int) -> str:
    """The register's age band (dsr.rules.AGE_BANDS) of an age."""
    for band, (low, high, _) in AGE_BANDS.items():
        if age >= low and (high is None or age <= high):
            return band
    raise ValueError(f"No age band for {age}")


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """Aware datetimes from the start of `first` to the start of the day after `last`."""
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
    return start, end


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def within(day: date | None, first: date, last: date) -> bool:
    return day is not None and first <= day <= last


def open_on(start: date, end: date | None, day: date) -> bool:
    """Started on or before `day` and not ended by it."""
    return start <= day and (end is None or end > day)
