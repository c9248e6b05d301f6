"""The meetings' rules without a database: why a case is on the agenda, the status path and
feedback due in working days."""

from datetime import date

from dsr.meetings import rules
from dsr.models.meeting import AgendaReason


def _facts(**changes):
    return rules.EntryFacts(
        **({"status": "active", "rating": "green", "next_review_due": None, "accepted_on": date(2025, 1, 1)} | changes)
    )


def test_red_amber_and_blue_are_discussed_green_is_not():
    for rating in ("red", "amber", "blue"):
        reasons = rules.register_reasons(
            _facts(rating=rating), meeting_on=date(2025, 6, 2), previous_meeting_on=None, review_window_days=7
        )
        assert reasons == [AgendaReason(rating)]
    assert (
        rules.register_reasons(_facts(), meeting_on=date(2025, 6, 2), previous_meeting_on=None, review_window_days=7)
        == []
    )


def test_reviews_due_within_the_window_are_discussed():
    facts = _facts(next_review_due=date(2025, 6, 9))
    assert rules.register_reasons(facts, meeting_on=date(2025, 6, 2), previous_meeting_on=None, review_window_days=7)
    assert not rules.register_reasons(
        facts, meeting_on=date(2025, 6, 1), previous_meeting_on=None, review_window_days=7
    )


def test_entries_accepted_since_the_last_meeting_are_new():
    facts = _facts(accepted_on=date(2025, 5, 20))
    assert rules.register_reasons(
        facts, meeting_on=date(2025, 6, 2), previous_meeting_on=date(2025, 5, 5), review_window_days=7
    ) == [AgendaReason.NEW]
    assert rules.register_reasons(
        _facts(status="accepted"), meeting_on=date(2025, 6, 2), previous_meeting_on=None, review_window_days=7
    ) == [AgendaReason.NEW]


def test_urgent_comes_before_everything():
    assert rules.sorted_reasons(["review_due", "urgent", "red"]) == ["urgent", "red", "review_due"]
    assert rules.agenda_rank(["urgent"]) < rules.agenda_rank(["blue"]) < rules.agenda_rank(["amber"])


def test_a_meeting_goes_planned_in_progress_closed_and_never_back():
    assert rules.status_change_problem("planned", "in_progress") is None
    assert rules.status_change_problem("in_progress", "closed") is None
    assert rules.status_change_problem("planned", "closed")
    assert rules.status_change_problem("closed", "in_progress")


def test_feedback_is_due_five_working_days_after_a_friday_meeting_before_a_bank_holiday():
    # Friday 23 May 2025; Monday 26 May is a bank holiday.
    assert rules.feedback_due(date(2025, 5, 23), working_days=5) == date(2025, 6, 2)


def test_feedback_state_says_overdue_or_given_late():
    due = date(2025, 6, 2)
    assert rules.feedback_state(due, None, date(2025, 6, 3)).overdue
    assert rules.feedback_state(due, date(2025, 6, 4), date(2025, 6, 5)).label.startswith("Given late")
    assert rules.feedback_state(due, None, date(2025, 5, 30)).working_days_left == 1
