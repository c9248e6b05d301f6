"""Keyworking's domain rules as plain functions: no database, no HTTP.

Eligibility is a per-area policy with effective dates: `policy_in_force` picks the one that
applies on a day, `eligibility_problem` says why someone is not eligible under it, and
`eligible_since` walks back through every day something changed (a rating, a policy, a
birthday) to find when the person's current unbroken eligibility began.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from dsr.models.choices import Diagnosis, Rating

RATING_SEVERITY = {Rating.BLUE: 0, Rating.RED: 1, Rating.AMBER: 2, Rating.GREEN: 3, "": 4}


@dataclass(frozen=True)
class Policy:
    """The terms of one eligibility policy (see keyworking.models.EligibilityPolicy)."""

    effective_from: date
    diagnoses: frozenset[str]
    ratings: frozenset[str]
    min_age: int
    max_age: int
    cohorts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PersonFacts:
    """What eligibility looks at about a person, apart from their rating."""

    date_of_birth: date
    diagnosis: str
    cohorts: frozenset[str] = field(default_factory=frozenset)


def _age_on(date_of_birth: date, day: date) -> int:
    return relativedelta(day, date_of_birth).years


def policy_in_force(policies: Sequence[Policy], on: date) -> Policy | None:
    """The policy with the latest start on or before `on` (it runs until the next one begins)."""
    started = [policy for policy in policies if policy.effective_from <= on]
    return max(started, key=lambda policy: policy.effective_from, default=None)


def _diagnosis_matches(diagnosis: str, accepted: frozenset[str]) -> bool:
    # "Learning disability and/or autism": someone with both meets a policy naming either.
    if diagnosis == Diagnosis.BOTH:
        return bool(accepted & {Diagnosis.BOTH, Diagnosis.LEARNING_DISABILITY, Diagnosis.AUTISM})
    return diagnosis in accepted


def eligibility_problem(policies: Sequence[Policy], person: PersonFacts, rating: str, on: date) -> str | None:
    """Why the person is not eligible for keyworking on `on`, or None when they are."""
    policy = policy_in_force(policies, on)
    if policy is None:
        return "The area has no keyworking eligibility policy in force on this date"
    if not _diagnosis_matches(person.diagnosis, policy.diagnoses):
        return "Their diagnosis is not covered by the area's keyworking policy"
    age = _age_on(person.date_of_birth, on)
    if not policy.min_age <= age <= policy.max_age:
        return f"Keyworking here is for ages {policy.min_age} to {policy.max_age}: they are {age}"
    if rating not in policy.ratings and not (person.cohorts & policy.cohorts):
        rated = Rating(rating).short.lower() if rating else "not rated"
        allowed = ", ".join(Rating(value).short.lower() for value in sorted(policy.ratings, key=RATING_SEVERITY.get))
        return f"Keyworking here is for people rated {allowed}: they are {rated}"
    return None


def is_eligible(policies: Sequence[Policy], person: PersonFacts, rating: str, on: date) -> bool:
    return eligibility_problem(policies, person, rating, on) is None


def rating_on(ratings: Sequence[tuple[date, str]], day: date) -> str:
    """The rating in force on `day` from a history of (decided on, rating), "" if none yet."""
    decided = [(on, rating) for on, rating in ratings if on <= day]
    return max(decided, key=lambda pair: pair[0])[1] if decided else ""


def eligible_since(
    policies: Sequence[Policy],
    person: PersonFacts,
    ratings: Sequence[tuple[date, str]],
    *,
    on_register_from: date,
    today: date,
) -> date | None:
    """The day the person's current, unbroken eligibility began (None if not eligible today).

    Eligibility can only change on a day when the rating, the policy or the person's age
    changes, or when they joined the register; between those days it is constant. So walk back
    over those days while the person stays eligible."""

    def eligible(day: date) -> bool:
        return day >= on_register_from and is_eligible(policies, person, rating_on(ratings, day), day)

    if not eligible(today):
        return None
    birthdays = {
        person.date_of_birth + relativedelta(years=age)
        for policy in policies
        for age in (policy.min_age, policy.max_age + 1)
    }
    changes = {on_register_from, *(day for day, _ in ratings), *(policy.effective_from for policy in policies)}
    points = sorted((day for day in changes | birthdays if on_register_from <= day <= today), reverse=True)
    since = today
    for point in points:
        if not eligible(point):
            break
        since = point
    return since


def waiting_days(eligible_from: date, until: date) -> int:
    return (until - eligible_from).days


def caseload_weight(ratings: Sequence[str], weights: dict[str, int]) -> int:
    """A caseload's weight: the sum of each case's weight by its rating (unrated counts as green)."""
    return sum(weights.get(rating or Rating.GREEN, weights[Rating.GREEN]) for rating in ratings)


def contact_editable_until(created_at: datetime, *, edit_hours: int) -> datetime:
    return created_at + timedelta(hours=edit_hours)


def contact_edit_problem(
    *, author_id: int, editor_id: int, created_at: datetime, now: datetime, edit_hours: int
) -> str | None:
    """Only the author edits a contact, and only within the area's window; after it, amend."""
    if author_id != editor_id:
        return "Only the keyworker who recorded this contact can edit it: add an amendment instead"
    if now > contact_editable_until(created_at, edit_hours=edit_hours):
        return f"Contacts can be edited for {edit_hours} hours after they are recorded: add an amendment instead"
    return None


def financial_year_start(day: date) -> date:
    """UK financial years run from 1 April."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def spend_problem(amount: Decimal, *, spent_this_year: Decimal, budget: Decimal, item_limit: Decimal) -> str | None:
    if amount <= 0:
        return "Enter an amount more than £0"
    if amount > item_limit:
        return f"A small spend can be at most £{item_limit}: ask your senior practitioner about larger sums"
    remaining = budget - spent_this_year
    if amount > remaining:
        return f"This would go over the area's small-spend budget: £{max(remaining, Decimal(0)):.2f} is left this year"
    return None


@dataclass(frozen=True)
class Attention:
    """What a case needs, for sorting a caseload: overdue items first, then the most severe
    rating, then the longest without contact."""

    overdue: int
    rating: str
    days_since_contact: int | None

    def sort_key(self) -> tuple:
        never = self.days_since_contact is None
        return (-self.overdue, RATING_SEVERITY.get(self.rating, 4), 0 if never else 1, -(self.days_since_contact or 0))
