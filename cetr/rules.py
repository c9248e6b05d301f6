"""The C(E)TR domain rules as plain functions: no database, no HTTP.

Deadlines take their numbers from the area's settings (cetr.models.CetrSettings, national
defaults); working days come from areas.working_days (England and Wales bank holidays).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from areas.working_days import add_working_days
from cetr.models.review import CORE_PANEL_ROLES, PanelRole, ReviewKind, Variant
from dsr.rules import age_on

CHILD_UNDER = 18  # national: a child is under 18
EHC_PLAN_UNTIL = 25  # an EHC plan can run up to the 25th birthday


def is_child(date_of_birth: date, day: date) -> bool:
    return age_on(date_of_birth, day) < CHILD_UNDER


def review_variant(*, date_of_birth: date, has_ehc_plan: bool, on: date) -> Variant:
    """A CETR (with education) for a child, or for a young adult with an EHC plan; a CTR for
    other adults."""
    age = age_on(date_of_birth, on)
    if age < CHILD_UNDER or (has_ehc_plan and age < EHC_PLAN_UNTIL):
        return Variant.CETR
    return Variant.CTR


def working_day_on_or_before(day: date) -> date:
    """`day` if it is a working day, otherwise the last working day before it."""
    return add_working_days(add_working_days(day, 1), -1)


def post_admission_due(*, admitted_on: date, child: bool, settings) -> date:
    """A child's post-admission review within the area's working days of admission (national
    interim rule: 5); an adult's within the area's calendar days (national: 28)."""
    if child:
        return add_working_days(admitted_on, settings.post_admission_child_working_days)
    return admitted_on + timedelta(days=settings.post_admission_adult_days)


def repeat_interval_months(*, child: bool, secure: bool, settings) -> int:
    if child:
        return settings.repeat_child_months
    return settings.repeat_adult_secure_months if secure else settings.repeat_adult_months


def repeat_review_due(*, last_held_on: date, child: bool, secure: bool, settings) -> date:
    """The next inpatient review falls due an interval after the last one held."""
    return last_held_on + relativedelta(months=repeat_interval_months(child=child, secure=secure, settings=settings))


@dataclass(frozen=True)
class NextInpatientReview:
    kind: str  # "post_admission" or "inpatient_repeat"
    due_by: date


def next_inpatient_review(
    *,
    admitted_on: date,
    secure: bool,
    date_of_birth: date,
    community_review_held: bool,
    inpatient_reviews_held: list[date],
    settings,
) -> NextInpatientReview:
    """What the next review of a current inpatient is and when it is due.

    After an admission without a community C(E)TR a post-admission review is due first. Once
    any review is held in the episode (post-admission, repeat or triggered), or when the
    admission followed a community review, repeat reviews fall due from the latest one (or
    from the admission). Age is taken on the day the clock starts.
    """
    if inpatient_reviews_held:
        last = max(inpatient_reviews_held)
        child = is_child(date_of_birth, last)
        return NextInpatientReview(
            "inpatient_repeat", repeat_review_due(last_held_on=last, child=child, secure=secure, settings=settings)
        )
    child = is_child(date_of_birth, admitted_on)
    if not community_review_held:
        return NextInpatientReview(
            "post_admission", post_admission_due(admitted_on=admitted_on, child=child, settings=settings)
        )
    return NextInpatientReview(
        "inpatient_repeat", repeat_review_due(last_held_on=admitted_on, child=child, secure=secure, settings=settings)
    )


def repeat_review_deadlines(
    *,
    admitted_on: date,
    discharged_on: date | None,
    secure: bool,
    date_of_birth: date,
    community_review_held: bool,
    inpatient_reviews_held: list[date],
    settings,
    until: date,
) -> list[tuple[date, date | None]]:
    """(due date, the review held for it or None) for each repeat review of an episode falling
    due up to `until`, by next_inpatient_review: each held review (in order) restarts the
    clock. The post-admission review is not one of them; none falls due after a discharge."""
    deadlines = []
    for count in range(len(inpatient_reviews_held) + 1):
        following = next_inpatient_review(
            admitted_on=admitted_on,
            secure=secure,
            date_of_birth=date_of_birth,
            community_review_held=community_review_held,
            inpatient_reviews_held=inpatient_reviews_held[:count],
            settings=settings,
        )
        if following.kind != ReviewKind.INPATIENT_REPEAT:
            continue  # the post-admission review comes first: counted on its own
        if following.due_by > until or (discharged_on is not None and discharged_on < following.due_by):
            break
        held_on = inpatient_reviews_held[count] if count < len(inpatient_reviews_held) else None
        deadlines.append((following.due_by, held_on))
    return deadlines


def community_review_window_start(admitted_on: date, *, settings) -> date:
    return admitted_on - timedelta(days=settings.community_review_window_days)


def needs_root_cause_review(*, admitted_on: date, community_reviews_held: list[date], settings) -> bool:
    """An admission with no community C(E)TR held in the area's window before it (LAEP and
    blue-light meetings are not C(E)TRs and are never passed in here)."""
    start = community_review_window_start(admitted_on, settings=settings)
    return not any(start <= held <= admitted_on for held in community_reviews_held)


@dataclass(frozen=True)
class Preparation:
    """The dates a scheduled review is prepared against."""

    invitations_by: date
    consent_by: date
    papers_by: datetime
    report_by: date | None


def preparation(*, scheduled_at: datetime, held_on: date | None, settings) -> Preparation:
    """Invitations and consent about two weeks ahead, papers at least 24 hours ahead (moved to
    the working day before when that falls on a weekend or bank holiday: nobody sends papers on
    Easter Monday), the report about two weeks after the review."""
    day = scheduled_at.date()
    papers_by = scheduled_at - timedelta(hours=settings.papers_hours_before)
    papers_day = working_day_on_or_before(papers_by.date())
    papers_by = papers_by.replace(year=papers_day.year, month=papers_day.month, day=papers_day.day)
    report_by = held_on + timedelta(days=settings.report_days_after) if held_on else None
    return Preparation(
        invitations_by=day - timedelta(days=settings.invitations_days_before),
        consent_by=day - timedelta(days=settings.consent_days_before),
        papers_by=papers_by,
        report_by=report_by,
    )


def report_due(*, held_on: date, settings) -> date:
    return held_on + timedelta(days=settings.report_days_after)


def papers_gate(*, consent_given: bool, recheck_due: date | None, today: date) -> str | None:
    """Why a panel member may not open the case papers yet, or None when they may.

    Panel members see the papers only while a consent or a best-interests decision stands
    (dsr.selectors.current_consent): not before one is recorded, not after a withdrawal, and
    not once its re-check date has passed."""
    if not consent_given:
        return (
            "No consent or best-interests decision is recorded for this person, so the case papers cannot be "
            "shared with the panel yet. The C(E)TR coordinator needs to have it recorded on the register first."
        )
    if recheck_due is not None and recheck_due < today:
        return (
            f"The consent recorded for this person was due to be re-checked on {recheck_due:%-d %B %Y} and has not "
            "been, so the case papers cannot be shared with the panel until it is."
        )
    return None


def missing_panel_roles(roles: list[str]) -> list[PanelRole]:
    """The core panel places (chair, clinical expert, expert by experience) not yet filled."""
    return [role for role in CORE_PANEL_ROLES if role not in roles]


def action_is_overdue(*, due_on: date, unresolved: bool, today: date) -> bool:
    return unresolved and due_on < today
