"""The DSR holder's triage: the queue per area, one referral, and the decisions on it."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from areas import access
from areas.models import Area
from areas.selectors import settings_for
from audit.logging import Kind, Shows, is_the_person, logs_reads
from audit.settings_page import SettingsPage
from dsr.models.choices import Diagnosis as PersonDiagnosis
from referrals import rules
from referrals.capabilities import MAKE_REFERRALS, TRIAGE_REFERRALS
from referrals.forms.triage import AcceptForm, DeclineForm, ForwardForm, OutcomeForm, SettingsForm, StatusForm
from referrals.models import EhcPlan, Referral, ReferralSettings, ReferralStatus
from referrals.selectors import (
    FORWARDED_TAB,
    QUEUE_TABS,
    forwarded_from,
    forwards_into,
    known_people,
    queue,
    queue_counts,
)
from referrals.services.outcomes import outcome_record
from referrals.services.settings import referral_settings_update
from referrals.services.triage import (
    referral_accept,
    referral_decline,
    referral_forward,
    referral_set_status,
)
from web.views import add_service_errors, page_of

PAGE_SIZE = 50


@dataclass(frozen=True)
class Clock:
    """A referral's age against its area's decision target."""

    days_waiting: int
    due_on: date
    overdue: bool


def _clock(referral: Referral, *, target_days: int, today: date) -> Clock:
    arrived_on = timezone.localdate(referral.arrived_at)
    return Clock(
        days_waiting=rules.days_waiting(arrived_on, today),
        due_on=rules.decision_due_on(arrived_on, target_days=target_days),
        overdue=rules.is_overdue(referral.status, arrived_on, today, target_days=target_days),
    )


def _still_to_tell(referral: Referral, communications) -> list:
    return rules.outcome_still_to_tell(
        status=referral.status,
        referrer_is_family=referral.referrer_is_family,
        told={communication.recipient for communication in communications},
    )


def _referral_or_404(request, slug: str, pk: int) -> tuple[Area, Referral]:
    """The referral if it is in this area and the user triages there; 404 for anything else,
    including a referral this area has forwarded elsewhere."""
    area = access.area_or_404(request.user, TRIAGE_REFERRALS, slug)
    referrals = Referral.objects.filter(area=area).select_related(
        "area", "forwarded_from", "referred_by", "decided_by", "person"
    )
    return area, access.get_or_404(referrals, request.user, TRIAGE_REFERRALS, pk=pk)


def _to_detail(referral: Referral):
    return redirect("referrals:detail", slug=referral.area.slug, pk=referral.pk)


@login_required
def index(request):
    areas = list(access.areas_with(request.user, TRIAGE_REFERRALS))
    if not areas:
        if access.area_ids_with(request.user, MAKE_REFERRALS):
            return redirect("referrals:mine")
        raise Http404("Nothing here for you.")
    if len(areas) == 1:
        return redirect("referrals:queue", slug=areas[0].slug)
    return render(request, "referrals/index.html", {"areas": areas})


@login_required
@logs_reads(Shows("referral", lambda context: [referral for referral, _, _ in context.get("rows", [])], Kind.LIST))
def queue_view(request, slug: str):
    area = access.area_or_404(request.user, TRIAGE_REFERRALS, slug)
    tabs = dict(QUEUE_TABS)
    tab = request.GET.get("status") or ReferralStatus.NEW
    if tab not in tabs:
        raise Http404("No such list.")
    search = request.GET.get("q", "").replace("\x00", "").strip()[:100]  # PostgreSQL text cannot hold NUL
    settings = settings_for(ReferralSettings, area.id)
    counts = queue_counts(area)
    context = {
        "area": area,
        "tab": tab,
        "tab_label": tabs[tab],
        "tabs": [(key, label, counts[key]) for key, label in QUEUE_TABS],
        "search": search,
        "settings": settings,
    }
    if tab == FORWARDED_TAB:
        page = page_of(request, forwarded_from(area), PAGE_SIZE)
        return TemplateResponse(request, "referrals/queue.html", context | {"page": page})
    referrals = queue(area, status=tab, search=search).prefetch_related("outcome_communications")
    page = page_of(request, referrals, PAGE_SIZE)
    today = timezone.localdate()
    rows = [
        (
            referral,
            _clock(referral, target_days=settings.decision_target_days, today=today),
            _still_to_tell(referral, referral.outcome_communications.all()),
        )
        for referral in page
    ]
    return TemplateResponse(request, "referrals/queue.html", context | {"page": page, "rows": rows})


def _possible_duplicates(context) -> list:
    known = context.get("known")
    return known.matches_here if known else []


REFERRAL = Shows("referral", "referral")
POSSIBLE_DUPLICATES = Shows("person (possible duplicate of a referral)", _possible_duplicates, Kind.LIST, is_the_person)


@login_required
@logs_reads(REFERRAL, POSSIBLE_DUPLICATES)
def detail(request, slug: str, pk: int):
    area, referral = _referral_or_404(request, slug, pk)
    settings = settings_for(ReferralSettings, area.id)
    communications = list(referral.outcome_communications.select_related("recorded_by"))
    known = known_people(referral) if referral.is_open else None
    context = {
        "area": area,
        "referral": referral,
        "clock": _clock(referral, target_days=settings.decision_target_days, today=timezone.localdate()),
        "settings": settings,
        "steps": list(referral.steps.select_related("by")),
        "communications": communications,
        "still_to_tell": _still_to_tell(referral, communications),
        "forwards": forwards_into(referral),
        "known": known,
        "under_review": ReferralStatus.UNDER_REVIEW,
        "can_review": rules.triage_step_problem(referral.status, ReferralStatus.UNDER_REVIEW) is None,
        "can_ask": rules.triage_step_problem(referral.status, ReferralStatus.AWAITING_INFORMATION) is None,
    }
    return TemplateResponse(request, "referrals/detail.html", context)


def _decision_page(request, template: str, context: dict, form) -> object:
    return TemplateResponse(request, template, context | {"form": form}, status=400 if form.errors else 200)


@login_required
@logs_reads(REFERRAL)
def status_view(request, slug: str, pk: int):
    area, referral = _referral_or_404(request, slug, pk)
    wanted = request.POST.get("status") or request.GET.get("status") or ReferralStatus.AWAITING_INFORMATION
    form = StatusForm(request.POST or None, initial={"status": wanted})
    if request.method == "POST" and form.is_valid():
        try:
            referral_set_status(
                referral=referral,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                changed_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            label = ReferralStatus(form.cleaned_data["status"]).label.lower()
            messages.success(request, f"Referral {referral.reference} is now {label}.")
            return _to_detail(referral)
    label = ReferralStatus(wanted).label if wanted in ReferralStatus.values else ""
    return _decision_page(
        request, "referrals/status.html", {"area": area, "referral": referral, "wanted_label": label}, form
    )


def _accept_initial(referral: Referral) -> dict:
    return {
        "person": AcceptForm.NEW,
        "given_name": referral.given_name,
        "family_name": referral.family_name,
        "preferred_name": referral.preferred_name,
        "date_of_birth": referral.date_of_birth,
        "nhs_number": referral.nhs_number or "",
        "address": referral.address,
        "postcode": referral.postcode,
        "diagnosis": referral.diagnosis if referral.diagnosis in PersonDiagnosis.values else "",
        "has_ehc_plan": referral.has_ehc_plan == EhcPlan.YES,
        "education_setting": referral.education_setting,
        "given_by": referral.consent_given_by,
        "recorded_on": timezone.localdate(),
    }


@login_required
@logs_reads(REFERRAL, POSSIBLE_DUPLICATES)
def accept(request, slug: str, pk: int):
    area, referral = _referral_or_404(request, slug, pk)
    known = known_people(referral)
    form = AcceptForm(request.POST or None, initial=_accept_initial(referral), known_people=known.matches_here)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral_accept(
                referral=referral,
                decided_by=request.user,
                person=form.chosen_person(),
                person_details=form.person_details(),
                consent_basis=data["basis"],
                consent_given_by=data["given_by"],
                consent_relationship=data["relationship"],
                consent_recorded_on=data["recorded_on"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Referral {referral.reference} accepted: {referral.full_name} is on the register."
            )
            return _to_detail(referral)
    context = {"area": area, "referral": referral, "known": known}
    return _decision_page(request, "referrals/accept.html", context, form)


@login_required
@logs_reads(REFERRAL)
def decline(request, slug: str, pk: int):
    area, referral = _referral_or_404(request, slug, pk)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referral_decline(
                referral=referral,
                decided_by=request.user,
                reason=form.cleaned_data["decline_reason"],
                note=form.cleaned_data["decision_note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Referral {referral.reference} not accepted. Record when the family and referrer are told."
            )
            return _to_detail(referral)
    return _decision_page(request, "referrals/decline.html", {"area": area, "referral": referral}, form)


@login_required
@logs_reads(REFERRAL)
def forward(request, slug: str, pk: int):
    area, referral = _referral_or_404(request, slug, pk)
    form = ForwardForm(request.POST or None, origin=area)
    if request.method == "POST" and form.is_valid():
        destination = form.cleaned_data["destination"]
        try:
            referral_forward(
                referral=referral,
                destination=destination,
                reason=form.cleaned_data["reason"],
                forwarded_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Referral {referral.reference} sent to {destination.name}.")
            return redirect(f"{reverse('referrals:queue', args=[area.slug])}?status={FORWARDED_TAB}")
    return _decision_page(request, "referrals/forward.html", {"area": area, "referral": referral}, form)


@login_required
@logs_reads(REFERRAL)
def outcome(request, slug: str, pk: int):
    area, referral = _referral_or_404(request, slug, pk)
    form = OutcomeForm(request.POST or None, initial={"told_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            outcome_record(referral=referral, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Recorded.")
            return _to_detail(referral)
    return _decision_page(request, "referrals/outcome.html", {"area": area, "referral": referral}, form)


SETTINGS_PAGE = SettingsPage(
    form_class=SettingsForm,
    capability=TRIAGE_REFERRALS,
    update=referral_settings_update,
    title="Referral settings",
    about=lambda area: (
        f"How {area.name} takes and triages referrals: the decision target, the public online "
        "form and the phone number families are given. The starting values are the national defaults."
    ),
    back=lambda request, area: ("Back to referrals", reverse("referrals:queue", args=[area.slug])),
    saved_url=lambda area: reverse("referrals:queue", args=[area.slug]),
)
