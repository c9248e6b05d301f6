"""The information governance lead's access log search, and the page every per-area settings
model is changed on (it says who last changed them, from their change history)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from areas import access
from areas.roles import READ_AUDIT
from audit.forms import AccessLogSearchForm
from audit.selectors import access_log, last_change
from web.views import page_of

PAGE_SIZE = 50


@login_required
def access_log_view(request):
    access.require_any(request.user, READ_AUDIT)
    form = AccessLogSearchForm(request.GET or None, areas=access.areas_with(request.user, READ_AUDIT))
    entries = access_log(request.user, **form.cleaned_data) if form.is_valid() else access_log(request.user)
    context = {"form": form, "page": page_of(request, entries, PAGE_SIZE)}
    return render(request, "audit/access_log.html", context, status=400 if form.errors else 200)


def area_settings_page(
    request, area, form_class, settings, *, title: str, about: str, back: tuple[str, str]
) -> HttpResponse:
    """An area's settings page: its current values in `form_class` (a ModelForm of `settings`);
    a valid post saves them and comes back here with a confirmation, an invalid one shows
    what to fix (400) and saves nothing. `back` is the back link's (label, URL). The caller
    has already checked, through the access layer, that the user may change `area`'s."""
    form = form_class(request.POST if request.method == "POST" else None, instance=settings)
    if form.is_valid():
        form.save()
        messages.success(request, f"{title} for {area.name} saved.")
        return redirect(request.path)
    context = {
        "area": area, "form": form, "title": title, "about": about, "back_label": back[0], "back_url": back[1],
        "last_change": last_change(settings),
    }  # fmt: skip
    return render(request, "audit/area_settings.html", context, status=400 if form.errors else 200)
