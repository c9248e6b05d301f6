"""Working-day arithmetic for deadlines counted in working days (England and Wales bank holidays).

Shared by every app with a working-day clock: DSR MDT feedback, post-admission C(E)TRs. A
working day is Monday to Friday and not a bank holiday in England (the same list as Wales).
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The date `n` working days after `start` (before it when `n` is negative). `start` itself
    never counts, so "within 5 working days of a Friday meeting" ends on the next Friday."""
    step = 1 if n >= 0 else -1
    day, remaining = start, abs(n)
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days after `a` up to and including `b` (negative when `b` is before `a`), so that
    `working_days_between(d, add_working_days(d, n)) == n` for any n."""
    if b < a:
        return -working_days_between(b, a)
    return sum(1 for offset in range(1, (b - a).days + 1) if is_working_day(a + timedelta(days=offset)))
