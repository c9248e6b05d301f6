"""Recommendations, their actions, the follow-up log and escalation to the oversight panel."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from areas.selectors import settings_for
from cetr.models import Action, ActionStatus, ActionUpdate, CetrSettings, Escalation, Recommendation, Review

# Statuses an update may set; escalation has its own service (it records the panel).
UPDATABLE_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.NOT_ACCEPTED)


@transaction.atomic
def recommendation_add(*, review: Review, text: str) -> Recommendation:
    if not review.held_on:
        raise ValidationError("Record when the review was held before adding its recommendations.")
    if not text.strip():
        raise ValidationError({"text": "Write the recommendation"})
    return Recommendation.objects.create(area_id=review.area_id, review=review, person_id=review.person_id, text=text)


@transaction.atomic
def action_add(
    *,
    recommendation: Recommendation,
    description: str,
    owner_name: str,
    owner_organisation: str,
    due_on: date,
    owner_user=None,
) -> Action:
    problems = {}
    if not description.strip():
        problems["description"] = "Say what is to be done"
    if not owner_name.strip():
        problems["owner_name"] = "Name the person who owns the action"
    if not owner_organisation.strip():
        problems["owner_organisation"] = "Name the owner's organisation"
    if due_on < recommendation.review.held_on:
        problems["due_on"] = "The due date cannot be before the review was held"
    if problems:
        raise ValidationError(problems)
    return Action.objects.create(
        area_id=recommendation.area_id,
        recommendation=recommendation,
        person_id=recommendation.person_id,
        description=description,
        owner_name=owner_name,
        owner_organisation=owner_organisation,
        owner_user=owner_user,
        due_on=due_on,
    )


def _log(action: Action, *, note: str, status_from: str, recorded_by) -> ActionUpdate:
    return ActionUpdate.objects.create(
        area_id=action.area_id,
        action=action,
        person_id=action.person_id,
        note=note,
        status_from=status_from,
        status_to=action.status,
        recorded_by=recorded_by,
    )


@transaction.atomic
def action_update(
    *, action: Action, note: str, recorded_by, status: str | None = None, evidence: str | None = None
) -> Action:
    """Record a follow-up: a note for the log, and optionally a new status or evidence. Done
    needs evidence of completion; an escalated action changes only by the panel's outcome."""
    status = status or action.status
    evidence = action.evidence if evidence is None else evidence
    if not note.strip():
        raise ValidationError({"note": "Say what was done or found out"})
    if status != action.status and status not in UPDATABLE_STATUSES:
        raise ValidationError({"status": "Escalate an action with 'Escalate to the oversight panel'"})
    if action.status == ActionStatus.ESCALATED and status != ActionStatus.ESCALATED:
        raise ValidationError({"status": "This action is with the oversight panel: record the panel's outcome"})
    _apply(action, status=status, evidence=evidence, note=note, recorded_by=recorded_by)
    return action


def _apply(action: Action, *, status: str, evidence: str, note: str, recorded_by) -> None:
    if status == ActionStatus.DONE and not evidence.strip():
        raise ValidationError({"evidence": "Give the evidence that the action is done"})
    status_from = action.status
    action.status = status
    action.evidence = evidence
    if status == ActionStatus.DONE and action.completed_on is None:
        action.completed_on = timezone.localdate()
    elif status != ActionStatus.DONE:
        action.completed_on = None
    action.save(update_fields=["status", "evidence", "completed_on", "updated_at"])
    _log(action, note=note, status_from=status_from, recorded_by=recorded_by)


@transaction.atomic
def action_escalate(*, action: Action, reason: str, escalated_on: date, escalated_by) -> Escalation:
    """Take an unresolved action to the area's oversight panel (named in the area's settings)."""
    if not action.is_unresolved or action.status == ActionStatus.ESCALATED:
        raise ValidationError("Only an open or in-progress action can be escalated.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the action is being escalated"})
    if escalated_on > timezone.localdate():
        raise ValidationError({"escalated_on": "The date cannot be in the future"})
    panel = settings_for(CetrSettings, action.area_id).oversight_panel_name
    escalation = Escalation.objects.create(
        area_id=action.area_id,
        action=action,
        person_id=action.person_id,
        panel_name=panel,
        escalated_on=escalated_on,
        reason=reason,
        escalated_by=escalated_by,
    )
    status_from = action.status
    action.status = ActionStatus.ESCALATED
    action.save(update_fields=["status", "updated_at"])
    _log(action, note=f"Escalated to {panel}: {reason}", status_from=status_from, recorded_by=escalated_by)
    return escalation


@transaction.atomic
def escalation_record_outcome(
    *, escalation: Escalation, outcome: str, outcome_on: date, new_status: str, recorded_by, evidence: str = ""
) -> Escalation:
    """What the oversight panel decided, and where that leaves the action."""
    problems = {}
    if not escalation.is_open:
        raise ValidationError("The outcome of this escalation is already recorded.")
    if not outcome.strip():
        problems["outcome"] = "Say what the panel decided"
    if outcome_on < escalation.escalated_on:
        problems["outcome_on"] = "The outcome cannot come before the escalation"
    if outcome_on > timezone.localdate():
        problems["outcome_on"] = "The date cannot be in the future"
    if new_status not in UPDATABLE_STATUSES:
        problems["new_status"] = "Choose where the panel's decision leaves the action"
    if problems:
        raise ValidationError(problems)
    escalation.outcome = outcome
    escalation.outcome_on = outcome_on
    escalation.outcome_recorded_by = recorded_by
    escalation.save(update_fields=["outcome", "outcome_on", "outcome_recorded_by"])
    action = escalation.action
    _apply(
        action,
        status=new_status,
        evidence=evidence or action.evidence,
        note=f"Outcome from {escalation.panel_name}: {outcome}",
        recorded_by=recorded_by,
    )
    return escalation
