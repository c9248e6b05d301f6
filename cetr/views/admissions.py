"""Admissions without a community C(E)TR and their root-cause reviews; LAEP and blue-light
meetings; a person's C(E)TR history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from areas import access
from audit.logging import Kind, Shows, is_the_person, logs_reads
from cetr import selectors
from cetr.capabilities import MANAGE_CETRS, VIEW_CETRS
from cetr.forms import EmergencyMeetingForm, RootCauseReviewForm
from cetr.services.meetings import emergency_meeting_record, root_cause_review_record
from cetr.views.common import form_page, today
from cetr.views.reviews import PEOPLE_TO_CHOOSE, register_people
from dsr.models import InpatientEpisode
from web.views import add_service_errors


@login_required
@logs_reads(Shows("inpatient episode", lambda context: [item.episode for item in context["flagged"]], Kind.LIST))
def admissions(request, slug: str):
    """Admissions with no community C(E)TR before them: those awaiting a root-cause review
    (or, with ?show=all, every one)."""
    area = access.area_or_404(request.user, VIEW_CETRS, slug)
    show_all = request.GET.get("show") == "all"
    flagged = selectors.flagged_admissions(area, outstanding_only=not show_all)
    context = {
        "area": area,
        "flagged": flagged,
        "show_all": show_all,
        "may_manage": access.has_capability(request.user, MANAGE_CETRS, area.id),
    }
    return TemplateResponse(request, "cetr/admissions.html", context)


@login_required
@logs_reads(Shows("inpatient episode", "episode"))
def root_cause(request, pk: int):
    episode = access.get_or_404(
        InpatientEpisode.objects.select_related("person", "area"), request.user, MANAGE_CETRS, pk=pk
    )
    form = RootCauseReviewForm(request.POST or None, initial={"reviewed_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            root_cause_review_record(episode=episode, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Root-cause review of {episode.person.full_name}'s admission recorded.")
            return redirect("cetr:admissions", slug=episode.area.slug)
    return form_page(request, "cetr/root_cause.html", {"episode": episode, "form": form})


@login_required
@logs_reads(PEOPLE_TO_CHOOSE)
def emergency_meeting_new(request, slug: str):
    area = access.area_or_404(request.user, MANAGE_CETRS, slug)
    initial = {"held_on": today(), "person": request.GET.get("person")}
    form = EmergencyMeetingForm(request.POST or None, people=register_people(area), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = emergency_meeting_record(recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{meeting.get_kind_display()} recorded. It is not counted as a C(E)TR.")
            return redirect("cetr:person", pk=meeting.person_id)
    return form_page(request, "cetr/emergency_meeting_new.html", {"area": area, "form": form})


@login_required
@logs_reads(Shows("C(E)TR history", lambda context: context["history"].person, person=is_the_person))
def person_history(request, pk: int):
    """Every C(E)TR of one person, their admissions (flagged when no community C(E)TR came
    first), their LAEP and blue-light meetings (shown apart: not C(E)TRs) and their actions."""
    history = selectors.person_history(request.user, pk)
    context = {
        "history": history,
        "may_manage": access.has_capability(request.user, MANAGE_CETRS, history.person.area_id),
    }
    return TemplateResponse(request, "cetr/person.html", context)
