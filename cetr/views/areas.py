"""The C(E)TR coordinator's area pages: the overview, and the area's C(E)TR settings."""

from dateutil.relativedelta import relativedelta
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse

from areas import access
from audit.logging import Kind, Shows, logs_reads
from audit.settings_page import SettingsPage
from cetr import selectors
from cetr.capabilities import MANAGE_CETRS, VIEW_CETRS
from cetr.forms import CetrSettingsForm
from cetr.models import Action, ActionStatus
from cetr.models.actions import UNRESOLVED_STATUSES
from cetr.services.settings import cetr_settings_update
from cetr.views.common import today
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


SETTINGS_PAGE = SettingsPage(
    form_class=CetrSettingsForm,
    capability=MANAGE_CETRS,
    update=cetr_settings_update,
    title="C(E)TR settings",
    about=lambda area: (
        "These start at the national defaults. Working days skip weekends and bank holidays in England and Wales."
    ),
    back=lambda request, area: ("Back", reverse("cetr:area", args=[area.slug])),
    saved_url=lambda area: reverse("cetr:area", args=[area.slug]),
)
