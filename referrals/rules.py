"""Referral rules as plain functions: no database, no HTTP. Forms, the API and services call
these and never re-implement them."""

import re
from datetime import date, timedelta

from dsr.rules import age_on
from referrals.models.choices import DECIDED_STATUSES, OPEN_STATUSES, OutcomeRecipient, ReferralStatus

# Where a referral may go next from each status. Accepting, declining and forwarding have
# their own services (each needs more than a note); these are the in-between steps.
TRIAGE_STEPS = {
    ReferralStatus.NEW: {ReferralStatus.AWAITING_INFORMATION, ReferralStatus.UNDER_REVIEW},
    ReferralStatus.AWAITING_INFORMATION: {ReferralStatus.UNDER_REVIEW},
    ReferralStatus.UNDER_REVIEW: {ReferralStatus.AWAITING_INFORMATION},
    ReferralStatus.ACCEPTED: set(),
    ReferralStatus.NOT_ACCEPTED: set(),
}

# A UK postcode, loosely (the outward code, a space optional, the inward code).
_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-]+$")


def triage_step_problem(current: str, wanted: str) -> str | None:
    """Why a referral that is `current` cannot move to `wanted`, or None if it can."""
    if wanted in TRIAGE_STEPS[ReferralStatus(current)]:
        return None
    now, then = ReferralStatus(current).label.lower(), ReferralStatus(wanted).label.lower()
    return f"A referral that is {now} cannot become {then}"


def decision_problem(status: str) -> str | None:
    """Accepting, declining and forwarding are open only until a decision is made."""
    if status in OPEN_STATUSES:
        return None
    return f"This referral has already been decided ({ReferralStatus(status).label.lower()})"


def forward_problem(*, status: str, origin_id: int, destination_id: int) -> str | None:
    if destination_id == origin_id:
        return "Choose another area: the referral is already here"
    return decision_problem(status)


def decision_due_on(arrived_on: date, *, target_days: int) -> date:
    return arrived_on + timedelta(days=target_days)


def days_waiting(arrived_on: date, today: date) -> int:
    return (today - arrived_on).days


def is_overdue(status: str, arrived_on: date, today: date, *, target_days: int) -> bool:
    """An undecided referral past the area's decision target."""
    return status in OPEN_STATUSES and today > decision_due_on(arrived_on, target_days=target_days)


def date_of_birth_problem(date_of_birth: date, today: date, *, maximum_age: int) -> str | None:
    if date_of_birth > today:
        return "Date of birth must be today or in the past"
    if age_on(date_of_birth, today) > maximum_age:
        return f"This service is for young people aged {maximum_age} and under"
    return None


def normalise_postcode(value: str) -> str:
    """'rm17 5tt' -> 'RM17 5TT'."""
    compact = "".join(value.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def postcode_problem(value: str) -> str | None:
    if value and not _POSTCODE.match(normalise_postcode(value)):
        return "Enter a real postcode, like RM17 5TT"
    return None


def phone_problem(value: str) -> str | None:
    if not value:
        return None
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE_CHARACTERS.match(value) or not 10 <= digits <= 15:
        return "Enter a phone number, like 01375 123 456 or 07700 900 982"
    return None


def contact_problem(*, phone: str, email: str) -> str | None:
    """The referrer must be reachable: we always tell them the outcome."""
    if not (phone or email):
        return "Enter a phone number or an email address so that we can reply"
    return None


def outcome_still_to_tell(*, status: str, referrer_is_family: bool, told: set[str]) -> list[OutcomeRecipient]:
    """Who has not yet been told a decided referral's outcome. When the referrer is the young
    person or their parent or carer, telling them tells the family."""
    if status not in DECIDED_STATUSES:
        return []
    told_family = OutcomeRecipient.FAMILY in told or (referrer_is_family and OutcomeRecipient.REFERRER in told)
    told_referrer = OutcomeRecipient.REFERRER in told or (referrer_is_family and OutcomeRecipient.FAMILY in told)
    outstanding = []
    if not told_referrer:
        outstanding.append(OutcomeRecipient.REFERRER)
    if not told_family and not referrer_is_family:
        outstanding.append(OutcomeRecipient.FAMILY)
    return outstanding


def told_on_problem(told_on: date, *, decided_on: date, today: date) -> str | None:
    if told_on > today:
        return "The date must be today or in the past"
    if told_on < decided_on:
        return f"The date must be on or after the decision ({decided_on:%-d %B %Y})"
    return None
