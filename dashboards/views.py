"""Dashboard pages, their CSV and XLSX exports, the monthly return, and each area's small-number
suppression settings. Aggregates only: no page here names a person, links to a record or shows
free text, so nothing here is written to the access log (which records reads of identifiable
records)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from areas import access
from areas.selectors import settings_for_each
from audit.settings_page import SettingsPage
from dashboards import monthly_return
from dashboards.capabilities import SET_DISCLOSURE
from dashboards.catalogue import SECTIONS
from dashboards.charts import chart_for, svg
from dashboards.disclosure import NATIONAL_ROUNDING, NATIONAL_THRESHOLD
from dashboards.exports import DASHBOARD_COLUMNS, FORMATS, dashboard_rows, file_response
from dashboards.figures import dashboard
from dashboards.forms import DisclosureSettingsForm, choices
from dashboards.models import DashboardSettings
from dashboards.scopes import scope_or_404, scopes_for
from dashboards.services import dashboard_settings_update


def _format_or_404(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404("No such format.")
    return fmt


@login_required
def index(request):
    scopes = scopes_for(request.user)
    if not scopes:
        raise Http404("Nothing here for you.")
    if len(scopes) == 1:
        return redirect("dashboards:dashboard", scope=scopes[0].path)
    return render(request, "dashboards/index.html", {"scopes": scopes})


@login_required
def dashboard_view(request, scope: str):
    scope = scope_or_404(request.user, scope)
    form, section_key, months = choices(request.GET)
    board = dashboard(scope, months=months, sections={section_key})
    section, views = board.sections[0]
    tables = []
    for view in views:
        chart = chart_for(view)
        tables.append({"view": view, "chart": chart, "svg": svg(view, chart)})
    context = {
        "scope": scope,
        "form": form,
        "board": board,
        "section": section,
        "sections": SECTIONS,
        "months": months,
        "tables": tables,
        "policy": scope.policy,
        "area_scope_slug": scope.slug if scope.kind == "area" else None,
    }
    return render(request, "dashboards/dashboard.html", context, status=400 if form.errors else 200)


@login_required
def export(request, scope: str, fmt: str):
    """Every section's figures (or one section's, with ?section=) as shown on the page."""
    scope = scope_or_404(request.user, scope)
    _format_or_404(fmt)
    form, section_key, months = choices(request.GET)
    if form.errors:
        return render(request, "dashboards/bad_request.html", {"form": form, "scope": scope}, status=400)
    sections = {section_key} if request.GET.get("section") else None
    board = dashboard(scope, months=months, sections=sections)
    name = f"dashboard-{scope.slug}-{board.months[-1]:%Y-%m}"
    return file_response(fmt, name, "Dashboard", DASHBOARD_COLUMNS, dashboard_rows(board))


@login_required
def returns(request, slug: str):
    scope = scope_or_404(request.user, f"areas/{slug}")
    context = {"scope": scope, "snapshots": monthly_return.return_months(scope), "columns": monthly_return.COLUMNS}
    return render(request, "dashboards/returns.html", context)


@login_required
def monthly_return_view(request, slug: str, month, fmt: str):
    scope = scope_or_404(request.user, f"areas/{slug}")
    _format_or_404(fmt)
    row = monthly_return.return_row(scope, month)
    if row is None:
        raise Http404("No snapshot of that month.")
    name = f"monthly-return-{scope.ons_code}-{month:%Y-%m}"
    return file_response(
        fmt, name, "Monthly return", monthly_return.COLUMNS, [[row[column] for column in monthly_return.COLUMNS]]
    )


@login_required
def disclosure_index(request):
    """The small-number suppression of each area where the user may set it."""
    areas = list(access.areas_with(request.user, SET_DISCLOSURE).order_by("name"))
    if not areas:
        raise Http404("Nothing here for you.")
    if len(areas) == 1:
        return redirect("dashboards:disclosure", slug=areas[0].slug)
    settings = settings_for_each(DashboardSettings, areas)
    rows = [(area, settings[area.id]) for area in areas]
    return render(request, "dashboards/disclosure_index.html", {"rows": rows})


def _back_from_disclosure(user) -> tuple[str, str]:
    # With one area the index comes straight back to its page, so the way back is the home page.
    if len(access.area_ids_with(user, SET_DISCLOSURE)) > 1:
        return "Back to your areas", reverse("dashboards:disclosure-index")
    return "Back to home", reverse("areas:home")


SETTINGS_PAGE = SettingsPage(
    form_class=DisclosureSettingsForm,
    capability=SET_DISCLOSURE,
    update=dashboard_settings_update,
    title="Small-number suppression",
    about=lambda area: (
        f"How {area.name}'s dashboards, their exports and its monthly returns hide small counts, "
        "so that nobody can be identified from them. Counts from 1 up to one less than the first number are shown "
        "as *; every other count, totals included, is rounded to the nearest multiple of the second; 0 is shown as "
        f"0. The national default is {NATIONAL_THRESHOLD} and {NATIONAL_ROUNDING}: counts from 1 to "
        f"{NATIONAL_THRESHOLD - 1} are shown as *, others rounded to the nearest {NATIONAL_ROUNDING}. Figures that "
        "combine areas follow the strictest of their settings. Changes apply at once, to past months too."
    ),
    back=lambda request, area: _back_from_disclosure(request.user),
)
