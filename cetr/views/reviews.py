"""Requesting, viewing, recording and cancelling a C(E)TR, and adding its recommendations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from areas import access
from areas.selectors import settings_for
from audit.logging import Kind, Shows, is_the_person, logs_reads
from cetr import rules, selectors
from cetr.capabilities import MANAGE_CETRS
from cetr.forms import RecommendationForm, ReviewCancelForm, ReviewRecordForm, ReviewRequestForm
from cetr.models import CetrSettings, Review
from cetr.services.actions import recommendation_add
from cetr.services.reviews import RECORD_FIELDS, review_cancel, review_record, review_request
from cetr.views.common import form_page, today
from dsr.models import Person
from dsr.models.entry import OPEN_STATUSES
from web.views import add_service_errors

# A form choosing whose review or meeting it is lists the area's people by name.
PEOPLE_TO_CHOOSE = Shows(
    "register summary", lambda context: context["form"].fields["person"].queryset, Kind.LIST, is_the_person
)
REVIEW = Shows("C(E)TR", "review")


def register_people(area):
    """People on the area's register (an open entry), for choosing whose review it is."""
    return Person.objects.filter(area=area, entries__status__in=OPEN_STATUSES).order_by("family_name", "given_name")


@login_required
@logs_reads(PEOPLE_TO_CHOOSE)
def review_new(request, slug: str):
    area = access.area_or_404(request.user, MANAGE_CETRS, slug)
    initial = {"requested_on": today(), "person": request.GET.get("person")}
    form = ReviewRequestForm(request.POST or None, people=register_people(area), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review = review_request(created_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{review.get_kind_display()} requested for {review.person.full_name}.")
            return redirect("cetr:review", pk=review.pk)
    return form_page(request, "cetr/review_new.html", {"area": area, "form": form})


def _preparation(review: Review):
    if not review.scheduled_at:
        return None
    return rules.preparation(
        scheduled_at=timezone.localtime(review.scheduled_at),
        held_on=review.held_on,
        settings=settings_for(CetrSettings, review.area_id),
    )


def _review_page(request, review: Review, **extra):
    panel = list(review.panel.all())
    context = {
        "review": review,
        "panel": panel,
        "missing_roles": rules.missing_panel_roles([member.role for member in panel]),
        "preparation": _preparation(review),
        "report_by": rules.report_due(held_on=review.held_on, settings=settings_for(CetrSettings, review.area_id))
        if review.held_on
        else None,
        "may_manage": access.has_capability(request.user, MANAGE_CETRS, review.area_id),
        "gate_reason": selectors.papers_gate_reason(review.person, today()),
        "today": today(),
        "now": timezone.now(),
        "recommendation_form": extra.pop("recommendation_form", RecommendationForm()),
    }
    return form_page(request, "cetr/review.html", context | extra | {"form": context["recommendation_form"]})


@login_required
@logs_reads(REVIEW)
def review_view(request, pk: int):
    return _review_page(request, selectors.review_for_page(request.user, pk))


@login_required
@logs_reads(REVIEW)
def review_record_view(request, pk: int):
    review = access.get_or_404(Review.objects.select_related("person", "area"), request.user, MANAGE_CETRS, pk=pk)
    initial = {name: getattr(review, name) for name in RECORD_FIELDS}
    if review.scheduled_at:
        initial["scheduled_at"] = timezone.localtime(review.scheduled_at)
    form = ReviewRecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review_record(review=review, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Review details saved.")
            return redirect("cetr:review", pk=review.pk)
    return form_page(request, "cetr/review_record.html", {"review": review, "form": form})


@login_required
def review_cancel_view(request, pk: int):
    review = access.get_or_404(Review.objects.select_related("person", "area"), request.user, MANAGE_CETRS, pk=pk)
    form = ReviewCancelForm(request.POST or None, initial={"cancelled_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            review_cancel(review=review, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Review cancelled.")
            return redirect("cetr:review", pk=review.pk)
    return form_page(request, "cetr/review_cancel.html", {"review": review, "form": form})


@require_POST
@login_required
@logs_reads(REVIEW)
def recommendation_add_view(request, pk: int):
    review = access.get_or_404(Review.objects.all(), request.user, MANAGE_CETRS, pk=pk)
    form = RecommendationForm(request.POST)
    if form.is_valid():
        try:
            recommendation_add(review=review, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Recommendation added. Now add its actions.")
            return redirect("cetr:review", pk=review.pk)
    return _review_page(request, selectors.review_for_page(request.user, pk, MANAGE_CETRS), recommendation_form=form)
