"""The rest of a keyworker's casework: goals and progress, national outcome ratings, the
family's hope score, small spends against the area budget, and senior practitioners'
clinical input."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from areas.access import has_capability
from areas.services import settings_locked
from dsr.models import Allocation
from keyworking import rules
from keyworking.capabilities import OVERSEE_KEYWORKING
from keyworking.models import ClinicalNote, Goal, GoalProgress, HopeScore, KeyworkingSettings, OutcomeRating, Spend
from keyworking.models.choices import OutcomePoint
from keyworking.models.goals import GoalStatus
from keyworking.models.outcomes import OUTCOME_FIELDS
from keyworking.selectors import may_work_case, spent_this_year


def _check_worker(allocation: Allocation, user) -> None:
    if not may_work_case(user, allocation):
        raise ValidationError("Only the allocated keyworker or a senior practitioner can record this.")


def _check_open(allocation: Allocation) -> None:
    if not allocation.is_open:
        raise ValidationError("This keyworking is closed.")


def _check_day(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: "The date cannot be in the future"})


@transaction.atomic
def goal_add(*, allocation: Allocation, description: str, created_by, target_on: date | None = None) -> Goal:
    _check_open(allocation)
    _check_worker(allocation, created_by)
    if not description.strip():
        raise ValidationError({"description": "Describe the goal"})
    return Goal.objects.create(
        area_id=allocation.area_id,
        allocation=allocation,
        person_id=allocation.person_id,
        description=description,
        target_on=target_on,
        created_by=created_by,
    )


@transaction.atomic
def goal_progress_record(
    *, goal: Goal, score: int, recorded_by, note: str = "", on: date | None = None
) -> GoalProgress:
    _check_worker(goal.allocation, recorded_by)
    on = on or timezone.localdate()
    _check_day(on, "recorded_on")
    if not 0 <= score <= 10:
        raise ValidationError({"score": "Progress is from 0 to 10"})
    progress = GoalProgress.objects.create(
        area_id=goal.area_id,
        goal=goal,
        person_id=goal.person_id,
        recorded_on=on,
        score=score,
        note=note,
        recorded_by=recorded_by,
    )
    if score == 10 and goal.status == GoalStatus.ACTIVE:
        goal.status = GoalStatus.ACHIEVED
        goal.save(update_fields=["status"])
    return progress


@transaction.atomic
def goal_set_status(*, goal: Goal, status: str, changed_by) -> Goal:
    _check_worker(goal.allocation, changed_by)
    goal.status = status
    goal.save(update_fields=["status"])
    return goal


@transaction.atomic
def outcome_rate(
    *, allocation: Allocation, point: str, recorded_by, scores: dict[str, int | None], note: str = "", on=None
) -> OutcomeRating:
    """Rate the national outcomes at allocation, at a review, or at closure (once each for
    allocation and closure)."""
    _check_worker(allocation, recorded_by)
    on = on or timezone.localdate()
    _check_day(on, "rated_on")
    if point == OutcomePoint.CLOSURE and allocation.is_open:
        raise ValidationError({"point": "Close the keyworking first, then rate the outcomes at closure"})
    if point != OutcomePoint.CLOSURE and not allocation.is_open:
        raise ValidationError({"point": "This keyworking is closed: rate the outcomes at closure"})
    unknown = set(scores) - set(OUTCOME_FIELDS)
    if unknown:
        raise ValueError(f"Not national outcomes: {sorted(unknown)}")
    if all(value is None for value in scores.values()):
        raise ValidationError("Rate at least one outcome")
    for field, value in scores.items():
        if value is not None and not 1 <= value <= 5:
            raise ValidationError({field: "Rate from 1 (not at all) to 5 (completely)"})
    try:
        with transaction.atomic():
            return OutcomeRating.objects.create(
                area_id=allocation.area_id,
                allocation=allocation,
                person_id=allocation.person_id,
                point=point,
                rated_on=on,
                note=note,
                recorded_by=recorded_by,
                **scores,
            )
    except IntegrityError:
        label = OutcomePoint(point).label.lower()
        raise ValidationError({"point": f"The outcomes {label} are already rated: add a review instead"}) from None


@transaction.atomic
def hope_record(
    *, allocation: Allocation, score: int, recorded_by, given_by: str = "", note: str = "", on=None
) -> HopeScore:
    _check_worker(allocation, recorded_by)
    on = on or timezone.localdate()
    _check_day(on, "recorded_on")
    if not 0 <= score <= 10:
        raise ValidationError({"score": "The hope score is from 0 to 10"})
    return HopeScore.objects.create(
        area_id=allocation.area_id,
        allocation=allocation,
        person_id=allocation.person_id,
        recorded_on=on,
        score=score,
        given_by=given_by,
        note=note,
        recorded_by=recorded_by,
    )


@transaction.atomic
def spend_record(
    *, allocation: Allocation, amount: Decimal, what_for: str, recorded_by, on: date | None = None
) -> Spend:
    """A small spend for the case, refused past the per-item limit or the area's yearly budget.
    The area's settings row is locked so two spends at once cannot both use the last pounds."""
    _check_open(allocation)
    _check_worker(allocation, recorded_by)
    on = on or timezone.localdate()
    _check_day(on, "spent_on")
    if not what_for.strip():
        raise ValidationError({"what_for": "Say what the money was for"})
    settings = settings_locked(KeyworkingSettings, allocation.area_id)
    problem = rules.spend_problem(
        amount,
        spent_this_year=spent_this_year(allocation.area_id, on),
        budget=settings.spend_budget,
        item_limit=settings.spend_item_limit,
    )
    if problem:
        raise ValidationError({"amount": problem})
    return Spend.objects.create(
        area_id=allocation.area_id,
        allocation=allocation,
        person_id=allocation.person_id,
        spent_on=on,
        amount=amount,
        what_for=what_for,
        recorded_by=recorded_by,
    )


@transaction.atomic
def clinical_note_add(*, allocation: Allocation, text: str, author) -> ClinicalNote:
    if not has_capability(author, OVERSEE_KEYWORKING, allocation.area_id):
        raise ValidationError("Clinical input is added by the area's keyworking senior practitioners.")
    if not text.strip():
        raise ValidationError({"text": "Enter the clinical input"})
    return ClinicalNote.objects.create(
        area_id=allocation.area_id, allocation=allocation, person_id=allocation.person_id, text=text, author=author
    )
