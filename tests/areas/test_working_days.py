"""Working days: weekends and England and Wales bank holidays do not count."""

from datetime import date

import pytest

from areas.working_days import add_working_days, is_working_day, working_days_between


def test_weekends_are_not_working_days():
    assert is_working_day(date(2025, 6, 6))  # a Friday
    assert not is_working_day(date(2025, 6, 7))
    assert not is_working_day(date(2025, 6, 8))


def test_english_bank_holidays_are_not_working_days():
    assert not is_working_day(date(2025, 8, 25))  # summer bank holiday (England, not Scotland)
    assert not is_working_day(date(2025, 12, 26))
    assert is_working_day(date(2025, 8, 4))  # Scotland's summer bank holiday is a working day here


def test_five_working_days_after_a_friday_is_the_next_friday():
    assert add_working_days(date(2025, 6, 6), 5) == date(2025, 6, 13)


def test_counting_skips_christmas_and_boxing_day():
    # Tuesday 23 December 2025: 24th, 29th, 30th, 31st, 2 January (1 January is a holiday).
    assert add_working_days(date(2025, 12, 23), 5) == date(2026, 1, 2)


def test_easter_is_skipped():
    # Thursday 17 April 2025; Good Friday 18th and Easter Monday 21st are bank holidays.
    assert add_working_days(date(2025, 4, 17), 2) == date(2025, 4, 23)


def test_zero_working_days_is_the_start_and_negative_counts_go_back():
    assert add_working_days(date(2025, 6, 7), 0) == date(2025, 6, 7)
    assert add_working_days(date(2025, 6, 9), -1) == date(2025, 6, 6)


def test_working_days_between_is_the_inverse_of_adding():
    assert working_days_between(date(2025, 12, 23), date(2026, 1, 2)) == 5
    assert working_days_between(date(2026, 1, 2), date(2025, 12, 23)) == -5
    assert working_days_between(date(2025, 6, 6), date(2025, 6, 6)) == 0


@pytest.mark.parametrize("n", [0, 1, 2, 5, 10, 23])
def test_round_trip_over_a_year_with_holidays(n):
    for start in (date(2025, 4, 15), date(2025, 12, 20), date(2026, 5, 1)):
        assert working_days_between(start, add_working_days(start, n)) == n
