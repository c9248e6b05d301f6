"""Keyworking pages: my caseload, a case (contacts, goals, outcomes, hope, spends, clinical
input), the waiting list and allocations per area, allocating, reallocating and closing, a
person's register summary for keyworkers, and the eligibility policy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from areas import access
from areas.selectors import settings_for
from audit.logging import Kind, Shows, is_the_person, logs_reads
from audit.settings_page import SettingsPage
from dsr.capabilities import VIEW_REGISTER
from dsr.meetings.selectors import open_actions_for_people
from dsr.models import Allocation, Person, RegisterEntry
from dsr.selectors import caseload_person_ids, open_entry
from keyworking import rules, selectors
from keyworking.capabilities import (
    ALLOCATE,
    MANAGE_POLICY,
    OVERSEE_KEYWORKING,
    VIEW_ALLOCATIONS,
    WORK_CASELOAD,
)
from keyworking.forms import (
    AmendmentForm,
    ClinicalNoteForm,
    CloseForm,
    ContactForm,
    GoalForm,
    GoalStatusForm,
    HopeForm,
    KeyworkerChoiceForm,
    KeyworkingSettingsForm,
    OutcomeForm,
    PolicyForm,
    ProgressForm,
    ReallocateForm,
    SpendForm,
)
from keyworking.models import Contact, EligibilityPolicy, Goal, KeyworkingSettings
from keyworking.services import casework
from keyworking.services.allocations import allocation_close, allocation_create, allocation_reallocate
from keyworking.services.contacts import contact_amend, contact_record, contact_update, edit_problem
from keyworking.services.policies import policy_add
from keyworking.services.settings import keyworking_settings_update
from web.views import add_service_errors


def _posted(request):
    """The form data of a POST (even an empty one, which must fail validation), else None."""
    return request.POST if request.method == "POST" else None


@login_required
def home(request):
    """Send each user to the keyworking page that fits their role."""
    if access.area_ids_with(request.user, WORK_CASELOAD):
        return redirect("keyworking:caseload")
    return redirect("keyworking:overview")


def _overview_areas(user):
    ids = set(access.area_ids_with(user, VIEW_ALLOCATIONS)) | set(access.area_ids_with(user, OVERSEE_KEYWORKING))
    if not ids:
        raise Http404("Nothing here for you.")
    return access.areas_with(user, VIEW_ALLOCATIONS) | access.areas_with(user, OVERSEE_KEYWORKING)


@login_required
def overview(request):
    areas = _overview_areas(request.user).distinct().order_by("name")
    if len(areas) == 1:
        return redirect("keyworking:area", slug=areas[0].slug)
    return render(request, "keyworking/overview.html", {"areas": areas})


def _area_for_overview(request, slug: str):
    try:
        return access.area_or_404(request.user, VIEW_ALLOCATIONS, slug)
    except Http404:
        return access.area_or_404(request.user, OVERSEE_KEYWORKING, slug)


@login_required
@logs_reads(
    Shows("allocation", "allocations", Kind.LIST),
    Shows("waiting for keyworking", lambda context: [row.entry for row in context["waiting"]], Kind.LIST),
)
def area_view(request, slug: str):
    """An area's keyworking: keyworkers' caseloads and weights, open allocations, the wait."""
    area = _area_for_overview(request, slug)
    today = timezone.localdate()
    allocations = list(selectors.area_allocations(area.id))
    waiting = selectors.waiting_list([area.id], today)
    context = {
        "area": area,
        "loads": selectors.keyworker_loads(area.id),
        "allocations": allocations,
        "waiting": waiting,
        "can_allocate": access.has_capability(request.user, ALLOCATE, area.id),
        "can_manage_policy": access.has_capability(request.user, MANAGE_POLICY, area.id),
        "today": today,
    }
    return TemplateResponse(request, "keyworking/area.html", context)


@login_required
@logs_reads(Shows("allocation", lambda context: [case.allocation for case in context["cases"]], Kind.LIST))
def caseload_view(request):
    access.require_any(request.user, WORK_CASELOAD)
    today = timezone.localdate()
    cases = selectors.my_caseload(request.user, today)
    return TemplateResponse(request, "keyworking/caseload.html", {"cases": cases, "today": today})


# ---------------------------------------------------------------------------- a case


def _case_context(request, allocation, **forms):
    today = timezone.localdate()
    works = selectors.may_work_case(request.user, allocation)
    contacts = list(
        allocation.contacts.select_related("author").prefetch_related("amendments__made_by").order_by("-occurred_at")
    )
    settings = settings_for(KeyworkingSettings, allocation.area_id)
    now = timezone.now()
    for contact in contacts:
        contact.editable = works and not rules.contact_edit_problem(
            author_id=contact.author_id,
            editor_id=request.user.pk,
            created_at=contact.created_at,
            now=now,
            edit_hours=settings.contact_edit_hours,
        )
    goals = list(allocation.goals.prefetch_related("progress"))
    spent = selectors.spent_this_year(allocation.area_id, today)
    return {
        "allocation": allocation,
        "person": allocation.person,
        "entry": allocation.entry,
        "contacts": contacts,
        "goals": goals,
        "outcomes": allocation.outcome_ratings.select_related("recorded_by"),
        "hope_scores": allocation.hope_scores.all(),
        "spends": allocation.spends.select_related("recorded_by"),
        "clinical_notes": allocation.clinical_notes.select_related("author"),
        "actions": open_actions_for_people([allocation.person_id]),
        "works": works and allocation.is_open,
        "is_senior": access.has_capability(request.user, OVERSEE_KEYWORKING, allocation.area_id),
        "can_allocate": access.has_capability(request.user, ALLOCATE, allocation.area_id),
        "settings": settings,
        "spent": spent,
        "remaining": settings.spend_budget - spent,
        "contact_form": forms.get("contact_form") or ContactForm(),
        "goal_form": forms.get("goal_form") or GoalForm(),
        "hope_form": forms.get("hope_form") or HopeForm(),
        "spend_form": forms.get("spend_form") or SpendForm(),
        "note_form": forms.get("note_form") or ClinicalNoteForm(),
        "progress_form": ProgressForm(),
        "amendment_form": AmendmentForm(),
        "waited_days": rules.waiting_days(allocation.eligible_since, allocation.allocated_on),
    }


@login_required
@logs_reads(Shows("allocation", "allocation"))
def case_view(request, pk: int):
    allocation = selectors.case_or_404(request.user, pk)
    return TemplateResponse(request, "keyworking/case.html", _case_context(request, allocation))


def _case_form_post(request, pk: int, form_name: str, form_class, call, success: str, anchor: str):
    """A form on the case page. htmx posts get back the refreshed section; others a redirect."""
    allocation = selectors.case_or_404(request.user, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(allocation, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if request.headers.get("HX-Request") and form_name == "contact_form":
                context = _case_context(request, allocation)
                context["saved"] = success
                return render(request, "keyworking/_contacts.html", context)
            messages.success(request, success)
            return redirect(reverse("keyworking:case", args=[allocation.pk]) + f"#{anchor}")
    context = _case_context(request, allocation, **{form_name: form})
    if form_name != "contact_form":  # the contact section shows its own error summary
        context["form"] = form
    template = (
        "keyworking/_contacts.html"
        if request.headers.get("HX-Request") and form_name == "contact_form"
        else "keyworking/case.html"
    )
    return render(request, template, context, status=400)


@require_POST
@login_required
def contact_add(request, pk: int):
    def call(allocation, data):
        contact_record(allocation=allocation, author=request.user, **data)

    return _case_form_post(request, pk, "contact_form", ContactForm, call, "Contact recorded.", "contacts")


@require_POST
@login_required
def goal_add(request, pk: int):
    def call(allocation, data):
        casework.goal_add(allocation=allocation, created_by=request.user, **data)

    return _case_form_post(request, pk, "goal_form", GoalForm, call, "Goal added.", "goals")


@require_POST
@login_required
def hope_add(request, pk: int):
    def call(allocation, data):
        casework.hope_record(allocation=allocation, recorded_by=request.user, **data)

    return _case_form_post(request, pk, "hope_form", HopeForm, call, "Hope score recorded.", "hope")


@require_POST
@login_required
def spend_add(request, pk: int):
    def call(allocation, data):
        casework.spend_record(
            allocation=allocation,
            recorded_by=request.user,
            amount=data["amount"],
            what_for=data["what_for"],
            on=data["spent_on"],
        )

    return _case_form_post(request, pk, "spend_form", SpendForm, call, "Spend recorded.", "spending")


@require_POST
@login_required
def clinical_note_add(request, pk: int):
    def call(allocation, data):
        casework.clinical_note_add(allocation=allocation, author=request.user, text=data["text"])

    return _case_form_post(request, pk, "note_form", ClinicalNoteForm, call, "Clinical input added.", "clinical")


def _contact_or_404(request, contact_id: int) -> Contact:
    contact = (
        Contact.objects.filter(pk=contact_id, allocation__in=selectors.visible_allocations(request.user))
        .select_related("allocation", "author")
        .first()
    )
    if contact is None:
        raise Http404("No such contact.")
    selectors.case_or_404(request.user, contact.allocation_id)
    return contact


@login_required
@logs_reads(Shows("keyworking contact", "contact"))
def contact_edit(request, contact_id: int):
    contact = _contact_or_404(request, contact_id)
    problem = edit_problem(contact, request.user)
    if problem:
        messages.error(request, problem)
        return redirect(reverse("keyworking:case", args=[contact.allocation_id]) + "#contacts")
    initial = {field: getattr(contact, field) for field in ContactForm.base_fields}
    form = ContactForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            contact_update(contact=contact, editor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Contact updated.")
            return redirect(reverse("keyworking:case", args=[contact.allocation_id]) + "#contacts")
    context = {"contact": contact, "form": form, "editable_until": contact.created_at}
    context["editable_until"] = rules.contact_editable_until(
        contact.created_at, edit_hours=settings_for(KeyworkingSettings, contact.area_id).contact_edit_hours
    )
    return TemplateResponse(request, "keyworking/contact_edit.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def contact_amend_view(request, contact_id: int):
    contact = _contact_or_404(request, contact_id)
    form = AmendmentForm(request.POST)
    if form.is_valid():
        try:
            contact_amend(contact=contact, text=form.cleaned_data["text"], made_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Amendment added.")
    else:
        messages.error(request, "Enter the amendment.")
    return redirect(reverse("keyworking:case", args=[contact.allocation_id]) + "#contacts")


def _goal_or_404(request, goal_id: int) -> Goal:
    goal = (
        Goal.objects.filter(pk=goal_id, allocation__in=selectors.visible_allocations(request.user))
        .select_related("allocation")
        .first()
    )
    if goal is None:
        raise Http404("No such goal.")
    selectors.case_or_404(request.user, goal.allocation_id)
    return goal


@require_POST
@login_required
def goal_progress(request, goal_id: int):
    goal = _goal_or_404(request, goal_id)
    form = ProgressForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Enter progress from 0 to 10.")
        casework.goal_progress_record(goal=goal, recorded_by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Progress recorded.")
    return redirect(reverse("keyworking:case", args=[goal.allocation_id]) + "#goals")


@require_POST
@login_required
def goal_status(request, goal_id: int):
    goal = _goal_or_404(request, goal_id)
    form = GoalStatusForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Choose the goal's status.")
        casework.goal_set_status(goal=goal, status=form.cleaned_data["status"], changed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Goal updated.")
    return redirect(reverse("keyworking:case", args=[goal.allocation_id]) + "#goals")


@login_required
@logs_reads(Shows("allocation", "allocation"))
def outcomes_view(request, pk: int):
    allocation = selectors.case_or_404(request.user, pk)
    if not selectors.may_work_case(request.user, allocation):
        raise Http404("No such case.")
    form = OutcomeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            casework.outcome_rate(
                allocation=allocation,
                point=form.cleaned_data["point"],
                recorded_by=request.user,
                scores=form.scores(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Outcomes recorded.")
            return redirect(reverse("keyworking:case", args=[allocation.pk]) + "#outcomes")
    context = {"allocation": allocation, "form": form}
    return TemplateResponse(request, "keyworking/outcomes.html", context, status=400 if form.errors else 200)


# ---------------------------------------------------------------------------- allocation


@login_required
@logs_reads(Shows("register entry", "entry"))
def allocate_view(request, entry_id: int):
    """The chair allocates a keyworker, seeing each keyworker's caseload and weight."""
    entry = access.get_or_404(
        RegisterEntry.objects.select_related("person", "area"), request.user, ALLOCATE, pk=entry_id
    )
    loads = selectors.keyworker_loads(entry.area_id)
    form = KeyworkerChoiceForm(_posted(request), loads=loads)
    found = selectors.entry_eligibility(entry, timezone.localdate())
    if request.method == "POST" and form.is_valid():
        keyworker = selectors.keyworker_in_area(entry.area_id, form.cleaned_data["keyworker"])
        try:
            allocation = allocation_create(entry=entry, keyworker=keyworker, allocated_by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{entry.person.full_name} allocated to {keyworker.display_name}.")
            return redirect("keyworking:case", pk=allocation.pk)
    context = {"entry": entry, "form": form, "loads": loads, "eligibility": found}
    return TemplateResponse(request, "keyworking/allocate.html", context, status=400 if form.errors else 200)


def _allocation_to_change(request, pk: int) -> Allocation:
    allocation = access.get_or_404(
        Allocation.objects.select_related("person", "keyworker", "entry"), request.user, ALLOCATE, pk=pk
    )
    if not allocation.is_open:
        raise Http404("This keyworking is closed.")
    return allocation


@login_required
@logs_reads(Shows("allocation", "allocation"))
def reallocate_view(request, pk: int):
    allocation = _allocation_to_change(request, pk)
    loads = [load for load in selectors.keyworker_loads(allocation.area_id) if load.user.pk != allocation.keyworker_id]
    form = ReallocateForm(_posted(request), loads=loads)
    if request.method == "POST" and form.is_valid():
        keyworker = selectors.keyworker_in_area(allocation.area_id, form.cleaned_data["keyworker"])
        try:
            new = allocation_reallocate(
                allocation=allocation,
                keyworker=keyworker,
                reason=form.cleaned_data["reason"],
                reallocated_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Reallocated to {keyworker.display_name}.")
            return redirect("keyworking:case", pk=new.pk)
    context = {"allocation": allocation, "form": form, "loads": loads, "title": "Reallocate"}
    return TemplateResponse(request, "keyworking/change.html", context, status=400 if form.errors else 200)


@login_required
@logs_reads(Shows("allocation", "allocation"))
def close_view(request, pk: int):
    allocation = _allocation_to_change(request, pk)
    form = CloseForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            allocation_close(allocation=allocation, closed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Keyworking closed. The keyworker rates the outcomes at closure.")
            return redirect("keyworking:area", slug=allocation.area.slug)
    context = {"allocation": allocation, "form": form, "title": "Close keyworking"}
    return TemplateResponse(request, "keyworking/change.html", context, status=400 if form.errors else 200)


# ---------------------------------------------------------------------------- people, policy


@login_required
@logs_reads(Shows("register summary", "person", person=is_the_person))
def person_view(request, person_id: int):
    """What a keyworker sees of a person: the whole case if on their caseload, otherwise only
    the register summary (name, age, rating, status)."""
    person = access.get_or_404(Person.objects.all(), request.user, VIEW_REGISTER, pk=person_id)
    if person.id in caseload_person_ids(request.user):
        allocation = Allocation.objects.filter(person=person, keyworker=request.user, ended_on__isnull=True).first()
        return redirect("keyworking:case", pk=allocation.pk)
    entry = open_entry(person)
    context = {"person": person, "entry": entry, "age": person.age_on(timezone.localdate())}
    return TemplateResponse(request, "keyworking/person_summary.html", context)


@login_required
def policy_view(request, slug: str):
    try:
        area = access.area_or_404(request.user, MANAGE_POLICY, slug)
        can_manage = True
    except Http404:
        area = _area_for_overview(request, slug)
        can_manage = False
    form = PolicyForm(_posted(request))
    if request.method == "POST":
        if not can_manage:
            raise Http404("Nothing here for you.")
        if form.is_valid():
            try:
                policy_add(area=area, created_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Policy added. It applies from its date.")
                return redirect("keyworking:policy", slug=area.slug)
    today = timezone.localdate()
    policies = list(EligibilityPolicy.objects.filter(area=area).order_by("-effective_from"))
    current = rules.policy_in_force([selectors.as_terms(policy) for policy in policies], today)
    context = {
        "area": area,
        "policies": policies,
        "current_from": current.effective_from if current else None,
        "form": form,
        "can_manage": can_manage,
    }
    return render(request, "keyworking/policy.html", context, status=400 if form.errors else 200)


SETTINGS_PAGE = SettingsPage(
    form_class=KeyworkingSettingsForm,
    capability=MANAGE_POLICY,
    update=keyworking_settings_update,
    title="Keyworking settings",
    about=lambda area: (
        f"How {area.name} runs keyworking: caseload weights, contact and review timings, and "
        "small spends. The starting values are the national defaults. Changes apply from now on."
    ),
    back=lambda request, area: ("Back to keyworking", reverse("keyworking:area", args=[area.slug])),
)
