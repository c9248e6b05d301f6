"""The register list (all the user's areas, or one), and its CSV and XLSX exports."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from areas import access
from audit.logging import Kind, Shows, attach_shown, logs_reads
from dsr import exports
from dsr.capabilities import KEEP_REGISTER, VIEW_RECORD, VIEW_REGISTER
from dsr.forms.register import RegisterFilterForm
from dsr.register_list import all_matching, decorate_rows, register_page


@login_required
@logs_reads(Shows("register entry", lambda context: context["page"].rows, Kind.LIST))
def register_list(request, slug: str | None = None):
    if slug is not None:
        areas = [access.area_or_404(request.user, VIEW_REGISTER, slug)]
    else:
        access.require_any(request.user, VIEW_REGISTER)
        areas = list(access.areas_with(request.user, VIEW_REGISTER))
    form = RegisterFilterForm(request.GET or None, areas=areas)
    filters = form.filters([area.id for area in areas])
    page = register_page(filters, cursor=request.GET.get("cursor", ""), size=form.page_size)
    decorate_rows(page.rows)
    record_areas = set(access.area_ids_with(request.user, VIEW_RECORD))
    for row in page.rows:
        row.whole_record = row.area_id in record_areas
    query = request.GET.copy()
    query.pop("cursor", None)
    context = {
        "form": form,
        "page": page,
        "areas": areas,
        "area": areas[0] if slug else None,
        "query": query.urlencode(),
        "many_areas": len(areas) > 1,
        "can_export": bool(set(access.area_ids_with(request.user, KEEP_REGISTER)) & {a.id for a in areas}),
        "can_add": bool(access.area_ids_with(request.user, KEEP_REGISTER)),
        "today": timezone.localdate(),
    }
    return TemplateResponse(request, "dsr/register_list.html", context, status=400 if form.errors else 200)


@login_required
@logs_reads(Shows("register entry", "rows", Kind.EXPORT))
def register_export(request, fmt: str, slug: str | None = None):
    """The filtered list as a file: only areas where the user keeps the register."""
    if slug is not None:
        areas = [access.area_or_404(request.user, KEEP_REGISTER, slug)]
    else:
        access.require_any(request.user, KEEP_REGISTER)
        areas = list(access.areas_with(request.user, KEEP_REGISTER))
    form = RegisterFilterForm(request.GET or None, areas=areas)
    rows = list(all_matching(form.filters([area.id for area in areas])))
    today = timezone.localdate()
    decorate_rows(rows, today=today)
    name = f"register-{slug or 'all-areas'}-{today:%Y-%m-%d}"
    if fmt == "xlsx":
        response = HttpResponse(
            exports.register_xlsx(rows, today=today),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        response = HttpResponse(exports.register_csv(rows, today=today), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return attach_shown(response, rows=rows)
