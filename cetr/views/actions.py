"""Following up actions: per area, per owner, per keyworker's caseload; updates, escalation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse

from areas import access
from audit.logging import Kind, Shows, logs_reads
from cetr import rules, selectors
from cetr.capabilities import FOLLOW_UP_CASELOAD_ACTIONS, MANAGE_CETRS, VIEW_CETRS
from cetr.forms import ActionForm, ActionUpdateForm, EscalateForm, EscalationOutcomeForm
from cetr.models import Escalation, Recommendation
from cetr.services.actions import action_add, action_escalate, action_update, escalation_record_outcome
from cetr.views.common import form_page, today
from web.views import add_service_errors, page_of

PAGE_SIZE = 50
ACTIONS = Shows("C(E)TR action", "page", Kind.LIST)
ACTION = Shows("C(E)TR action", "action")


def _chosen_list(request) -> str:
    show = request.GET.get("list", "unresolved")
    return show if show in selectors.ACTION_LISTS else "unresolved"


def _tag(actions) -> None:
    day = today()
    for action in actions:
        action.overdue = rules.action_is_overdue(due_on=action.due_on, unresolved=action.is_unresolved, today=day)


@login_required
@logs_reads(ACTIONS)
def area_actions(request, slug: str):
    """The area's actions: due soon, overdue, escalated or all, optionally for one owner."""
    area = access.area_or_404(request.user, VIEW_CETRS, slug)
    show, owner = _chosen_list(request), request.GET.get("owner", "").strip()[:200]
    page = page_of(request, selectors.area_actions(area, show=show, owner=owner), PAGE_SIZE)
    _tag(page)
    context = {
        "area": area,
        "page": page,
        "show": show,
        "owner": owner,
        "lists": selectors.ACTION_LISTS,
    }
    return TemplateResponse(request, "cetr/area_actions.html", context)


@login_required
def owners(request, slug: str):
    area = access.area_or_404(request.user, VIEW_CETRS, slug)
    return render(request, "cetr/owners.html", {"area": area, "owners": selectors.owners_summary(area)})


@login_required
@logs_reads(ACTIONS)
def caseload_actions(request):
    """A keyworker's "C(E)TR actions": those of the people on their own caseload."""
    access.require_any(request.user, FOLLOW_UP_CASELOAD_ACTIONS)
    show = _chosen_list(request)
    page = page_of(request, selectors.caseload_actions(request.user, show=show), PAGE_SIZE)
    _tag(page)
    return TemplateResponse(
        request,
        "cetr/caseload_actions.html",
        {"page": page, "show": show, "lists": selectors.ACTION_LISTS},
    )


@login_required
@logs_reads(Shows("C(E)TR", lambda context: context["recommendation"].review))
def action_new(request, pk: int):
    recommendation = access.get_or_404(
        Recommendation.objects.select_related("review__person"), request.user, MANAGE_CETRS, pk=pk
    )
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action_add(recommendation=recommendation, owner_user=data.pop("owner_username"), **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action added.")
            return redirect("cetr:review", pk=recommendation.review_id)
    return form_page(request, "cetr/action_new.html", {"recommendation": recommendation, "form": form})


def _action_page(request, action, *, form=None, escalate_form=None, outcome_form=None):
    may_update = selectors.may_update_action(request.user, action)
    may_manage = access.has_capability(request.user, MANAGE_CETRS, action.area_id)
    open_escalation = next((item for item in action.escalations.all() if item.is_open), None)
    context = {
        "action": action,
        "updates": list(action.updates.all()),
        "escalations": list(action.escalations.all()),
        "open_escalation": open_escalation,
        "may_update": may_update,
        "may_manage": may_manage,
        "form": form or (ActionUpdateForm(current_status=action.status) if may_update else None),
        "escalate_form": escalate_form or (EscalateForm(initial={"escalated_on": today()}) if may_manage else None),
        "outcome_form": outcome_form
        or (EscalationOutcomeForm(initial={"outcome_on": today()}) if may_manage else None),
        "overdue": rules.action_is_overdue(due_on=action.due_on, unresolved=action.is_unresolved, today=today()),
    }
    failed = any(f is not None and f.is_bound and f.errors for f in (form, escalate_form, outcome_form))
    return TemplateResponse(request, "cetr/action.html", context, status=400 if failed else 200)


@login_required
@logs_reads(ACTION)
def action_view(request, pk: int):
    """The action and its follow-up log. The coordinator, and the keyworker of the person it
    is about, record updates here."""
    action = selectors.action_for_page(request.user, pk)
    if request.method != "POST":
        return _action_page(request, action)
    if not selectors.may_update_action(request.user, action):
        raise Http404("No such action.")
    form = ActionUpdateForm(request.POST, current_status=action.status)
    if form.is_valid():
        try:
            action_update(action=action, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Follow-up recorded.")
            return redirect("cetr:action", pk=action.pk)
    return _action_page(request, selectors.action_for_page(request.user, pk), form=form)


@login_required
@logs_reads(ACTION)
def action_escalate_view(request, pk: int):
    action = selectors.action_for_page(request.user, pk)
    if not access.has_capability(request.user, MANAGE_CETRS, action.area_id):
        raise Http404("No such action.")
    if request.method != "POST":
        return redirect("cetr:action", pk=pk)
    form = EscalateForm(request.POST)
    if form.is_valid():
        try:
            action_escalate(action=action, escalated_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action escalated to the oversight panel.")
            return redirect("cetr:action", pk=pk)
    return _action_page(request, selectors.action_for_page(request.user, pk), escalate_form=form)


@login_required
@logs_reads(ACTION)
def escalation_outcome_view(request, pk: int):
    escalation = access.get_or_404(Escalation.objects.select_related("action"), request.user, MANAGE_CETRS, pk=pk)
    if request.method != "POST":
        return redirect("cetr:action", pk=escalation.action_id)
    form = EscalationOutcomeForm(request.POST)
    if form.is_valid():
        try:
            escalation_record_outcome(escalation=escalation, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The oversight panel's outcome is recorded.")
            return redirect("cetr:action", pk=escalation.action_id)
    return _action_page(request, selectors.action_for_page(request.user, escalation.action_id), outcome_form=form)
