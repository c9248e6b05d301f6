"""The C(E)TR coordinator's area pages: the overview, and the area's C(E)TR settings."""

from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse

from areas import access
from audit.logging import Kind, Shows, logs_reads
from cetr import selectors
from cetr.capabilities import MANAGE_CETRS, VIEW_CETRS
from cetr.forms import CetrSettingsForm
from cetr.models import Action, ActionStatus
from cetr.models.actions import UNRESOLVED_STATUSES
from cetr.services.settings import EDITABLE_FIELDS, cetr_settings_update
from cetr.views.common import form_page, today
from web.views import page_of

PAGE_SIZE = 25


@login_required
def index(request):
    areas = access.areas_with(request.user, VIEW_CETRS)
    if not areas:
        access.require_any(request.user, VIEW_CETRS)
    if len(areas) == 1:
        return redirect("cetr:area", slug=areas[0].slug)
    return render(request, "cetr/index.html", {"areas": areas})


def _action_counts(area) -> dict:
    unresolved = Q(status__in=UNRESOLVED_STATUSES)
    return Action.objects.filter(area=area).aggregate(
        overdue=Count("id", filter=unresolved & Q(due_on__lt=today())),
        escalated=Count("id", filter=Q(status=ActionStatus.ESCALATED)),
        unresolved=Count("id", filter=unresolved),
    )


@login_required
@logs_reads(
    Shows("C(E)TR", "reviews", Kind.LIST),
    Shows("inpatient episode", lambda context: [item.episode for item in context["inpatients"]], Kind.LIST),
)
def area(request, slug: str):
    """Inpatients and their next review, reviews in hand, and what needs chasing. The two lists
    page separately, so each keeps its place while the other moves."""
    area = access.area_or_404(request.user, VIEW_CETRS, slug)
    show = "all" if request.GET.get("show") == "all" else "open"
    reviews = page_of(request, selectors.area_reviews(area, show=show), PAGE_SIZE, param="reviews")
    inpatients = page_of(request, selectors.inpatients_due(area), PAGE_SIZE, param="inpatients")
    inpatients.object_list = selectors.with_records(inpatients.object_list)
    context = {
        "area": area,
        "show": show,
        "reviews": reviews,
        "inpatients": inpatients,
        "counts": selectors.review_counts([area.id], since=today() - relativedelta(months=12)),
        "actions": _action_counts(area),
        "outstanding_root_cause": selectors.outstanding_root_cause_count(area),
        "may_manage": access.has_capability(request.user, MANAGE_CETRS, area.id),
    }
    return TemplateResponse(request, "cetr/area.html", context)


@login_required
def settings_view(request, slug: str):
    area = access.area_or_404(request.user, MANAGE_CETRS, slug)
    settings = selectors.cetr_settings(area.id)
    form = CetrSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        cetr_settings_update(settings=settings, **{name: form.cleaned_data[name] for name in EDITABLE_FIELDS})
        messages.success(request, f"C(E)TR settings for {area.name} saved.")
        return redirect("cetr:area", slug=area.slug)
    return form_page(request, "cetr/settings.html", {"area": area, "form": form})
