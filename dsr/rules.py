"""The register's domain rules as plain functions: no database, no HTTP."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.validators import MaxValueValidator, MinValueValidator

from dsr.models.choices import Rating, Register
from dsr.models.consent import ConsentBasis

MCA_AGE = 16  # the Mental Capacity Act applies from 16; Gillick competence below


# Dates of births and events: a year like 9999 is a typing slip, not an event, and would
# overflow the review and hold arithmetic.
DATE_VALIDATORS = [
    MinValueValidator(date(1900, 1, 1), "Enter a date from 1900 on."),
    MaxValueValidator(date(2100, 12, 31), "Enter a date before 2101."),
]


def age_on(date_of_birth: date, day: date) -> int:
    # Plain arithmetic, not relativedelta: it runs for every row of some pages.
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def register_for(date_of_birth: date, day: date, *, adult_age: int) -> Register:
    return Register.ADULTS if age_on(date_of_birth, day) >= adult_age else Register.CHILDREN


def transition_flag_from(date_of_birth: date, *, adult_age: int, months_before: int) -> date:
    """The day from which a child is flagged as nearing the adults' register (17½ by default)."""
    return date_of_birth + relativedelta(years=adult_age) - relativedelta(months=months_before)


def is_nearing_adult_register(date_of_birth: date, day: date, *, adult_age: int, months_before: int) -> bool:
    flag_from = transition_flag_from(date_of_birth, adult_age=adult_age, months_before=months_before)
    return flag_from <= day < date_of_birth + relativedelta(years=adult_age)


def consent_basis_problem(basis: str, date_of_birth: date, on: date) -> str | None:
    """Why this basis cannot apply to someone of this age on this day, or None if it can."""
    age = age_on(date_of_birth, on)
    if basis == ConsentBasis.CAPACITOUS and age < MCA_AGE:
        return "Consent from the person themself under this basis needs them to be 16 or over: use Gillick competence"
    if basis == ConsentBasis.GILLICK and age >= MCA_AGE:
        return "Gillick competence applies under 16: from 16 the person's own consent or a best-interests decision"
    if basis == ConsentBasis.BEST_INTERESTS and age < MCA_AGE:
        return "A best-interests decision under the Mental Capacity Act applies from 16"
    if basis == ConsentBasis.PARENTAL and age >= 18:
        return "Parental responsibility ends at 18"
    return None


def next_review_due(rating: str, reviewed_on: date, *, review_days: int) -> date:
    return reviewed_on + timedelta(days=review_days)


def post_discharge_hold(discharged_on: date, *, hold_days: int) -> date:
    return discharged_on + timedelta(days=hold_days)


def rating_change_problem(new_rating: str, *, held_until: date | None, held_rating: str, on: date) -> str | None:
    """During a post-discharge hold the rating may go up (to blue on readmission) but not down."""
    if held_until is None or on >= held_until:
        return None
    order = [Rating.GREEN, Rating.AMBER, Rating.RED, Rating.BLUE]
    if order.index(Rating(new_rating)) < order.index(Rating(held_rating)):
        return f"The rating is held at {Rating(held_rating).short.lower()} after discharge until {held_until:%-d %B %Y}"
    return None


# Age bands for the register list: the Mental Capacity Act from 16, adulthood at 18, keyworking
# to 25. (lowest age, highest age or None for open-ended, label)
AGE_BANDS = {
    "0-10": (0, 10, "0 to 10"),
    "11-15": (11, 15, "11 to 15"),
    "16-17": (16, 17, "16 to 17"),
    "18-25": (18, 25, "18 to 25"),
    "26+": (26, None, "26 and over"),
}
REVIEW_DUE_SOON_DAYS = 7  # "review due" in the list: on or before a week from today
CONSENT_DUE_SOON_DAYS = 30  # "consent due": no standing consent, or its re-check within a month


def birth_dates_for_age_band(band: str, day: date) -> tuple[date | None, date]:
    """(earliest, latest) date of birth of someone whose age on `day` is in the band; earliest
    is None for an open-ended band."""
    low, high, _ = AGE_BANDS[band]
    latest = day - relativedelta(years=low)
    earliest = None if high is None else day - relativedelta(years=high + 1) + timedelta(days=1)
    return earliest, latest


def consent_is_due(kind: str | None, review_due: date | None, day: date) -> bool:
    """True when the entry has no standing consent or its re-check falls due within the window."""
    if kind != "given" or review_due is None:
        return True
    return review_due <= day + timedelta(days=CONSENT_DUE_SOON_DAYS)
