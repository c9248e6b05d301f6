"""The one settings page: every per-area settings model (see areas.models.AreaSettings) is
shown and changed here, each app declaring its page as a `SettingsPage` and routing its URL to
`area_settings_view` with that page:

    path("areas/<slug:slug>/settings/", area_settings_view, {"page": SETTINGS_PAGE}, name="settings")

The page reads the area's settings without writing (the national defaults until someone
changes them), saves a valid post through the app's own settings service (which records who
changed them, in one transaction) and says who last changed them. Only users holding the
page's capability in the area reach it; for anyone else, and any other area, it is a 404."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from areas import access
from areas.models import Area, AreaSettings
from areas.roles import Capability
from areas.selectors import settings_for
from audit.selectors import LastChange, last_change
from web.views import add_service_errors


@dataclass(frozen=True)
class SettingsPage:
    form_class: type  # a ModelForm of the settings model, naming the settings the page changes
    capability: Capability  # who may see and change them, per area
    update: Callable[..., AreaSettings]  # the app's service: update(area=, user=, **changes)
    title: str
    about: Callable[[Area], str]  # the paragraph under the heading
    back: Callable[[object, Area], tuple[str, str] | None] = lambda request, area: None  # (label, URL)
    saved_url: Callable[[Area], str] | None = None  # where a save goes; this page when None

    @property
    def model(self) -> type[AreaSettings]:
        return self.form_class._meta.model


def settings_last_change(settings: AreaSettings) -> LastChange | None:
    """Who last changed the settings and when: from the row, or (for rows last changed before
    rows recorded it) from their history; None while they hold the national defaults."""
    if settings.changed_at is not None:
        by = settings.changed_by.display_name if settings.changed_by else "the system"
        return LastChange(settings.changed_at, by)
    return last_change(settings) if settings.pk else None


@login_required
def area_settings_view(request, slug: str, *, page: SettingsPage) -> HttpResponse:
    area = access.area_or_404(request.user, page.capability, slug)
    current = settings_for(page.model, area)
    form = page.form_class(request.POST if request.method == "POST" else None, instance=current)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.fields if name in form.cleaned_data}
        try:
            page.update(area=area, user=request.user, **changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{page.title} for {area.name} saved.")
            return redirect(page.saved_url(area) if page.saved_url else request.path)
    back = page.back(request, area)
    context = {
        "area": area,
        "form": form,
        "title": page.title,
        "about": page.about(area),
        "back_label": back[0] if back else None,
        "back_url": back[1] if back else None,
        "last_change": settings_last_change(current),
    }
    return render(request, "audit/area_settings.html", context, status=400 if form.errors else 200)
