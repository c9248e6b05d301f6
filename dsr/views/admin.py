"""Per-area register settings and the spreadsheet import (dry run, then commit)."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from areas import access
from audit.settings_page import SettingsPage
from dsr import imports
from dsr.capabilities import KEEP_REGISTER, REGISTER_SETTINGS
from dsr.forms.admin import ImportForm, RegisterSettingsForm
from dsr.models import RegisterImport
from dsr.services.imports import register_import_commit
from dsr.services.settings import register_settings_update
from dsr.views.common import render_form

# Between the dry run and the commit the checked file waits in the cache, for its uploader only.
IMPORT_WAIT_SECONDS = 30 * 60


SETTINGS_PAGE = SettingsPage(
    form_class=RegisterSettingsForm,
    capability=REGISTER_SETTINGS,
    update=register_settings_update,
    title="Register settings",
    about=lambda area: (
        f"How {area.name} runs its register. The starting values are the national defaults. "
        "Changes apply to reviews, discharges and consents recorded from now on."
    ),
    back=lambda request, area: ("Back to the register", reverse("dsr:area-register", args=[area.slug])),
)


@login_required
def import_template(request, fmt: str):
    access.require_any(request.user, KEEP_REGISTER)
    if fmt == "xlsx":
        response = HttpResponse(
            imports.template_xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        response = HttpResponse(imports.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="register-import-template.{fmt}"'
    return response


def _cache_key(user, area, token: str) -> str:
    return f"dsr-import:{user.pk}:{area.pk}:{token}"


@login_required
def import_view(request, slug: str):
    area = access.area_or_404(request.user, KEEP_REGISTER, slug)
    context = {"area": area, "past": RegisterImport.objects.filter(area=area).select_related("imported_by")[:10]}
    if request.method == "POST" and request.POST.get("token"):
        return _commit(request, area, request.POST["token"], context)
    form = ImportForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read(imports.MAX_BYTES + 1)
        check = imports.check_file(area=area, name=upload.name, content=content)
        context["check"] = check
        if check.can_commit:
            token = secrets.token_urlsafe(16)
            cache.set(_cache_key(request.user, area, token), (upload.name, content), IMPORT_WAIT_SECONDS)
            context["token"] = token
        return render(request, "dsr/import.html", context, status=200 if check.can_commit else 400)
    return render_form(request, "dsr/import.html", context, form=form)


def _commit(request, area, token: str, context):
    key = _cache_key(request.user, area, token)
    waiting = cache.get(key)
    if waiting is None:
        messages.error(request, "That check has expired. Choose the file again.")
        return redirect("dsr:import", slug=area.slug)
    name, content = waiting
    # Checked again at commit: the register may have changed since the dry run.
    check = imports.check_file(area=area, name=name, content=content)
    try:
        record = register_import_commit(area=area, check=check, file_name=name, imported_by=request.user)
    except ValidationError as error:
        context |= {"form": ImportForm(), "check": check, "commit_error": error.messages}
        return render(request, "dsr/import.html", context, status=400)
    cache.delete(key)
    messages.success(request, f"{record.row_count} people imported onto the {area.name} register.")
    return redirect("dsr:area-register", slug=area.slug)
