"""Working out one area's raw figures for one month from the records of the apps below.

Each collector reads one app's records (through that app's selectors and rules where they
have them) and returns {code: count} for the codes of dashboards.catalogue. Stocks are counted
on `last` (the month's last day, or today for the month in progress); flows between `first`
and `last`. Run in a system scope (tasks and commands): nothing here is shown to anyone
until it has been aggregated and suppressed.
"""

from collections import Counter
from datetime import date

from dashboards.collect import cetr, inpatients, keyworking, referrals, register

COLLECTORS = (register.collect, inpatients.collect, cetr.collect, keyworking.collect, referrals.collect)


def collect(area, first: date, last: date) -> dict[str, int]:
    figures: Counter[str] = Counter()
    for collector in COLLECTORS:
        figures.update(collector(area, first, last))
    return dict(figures)
