"""Shared view helpers: a service's refusal shown on its form, one page of a long list, and
an area's settings page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render

from audit.selectors import last_change


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: field errors on their fields (or the form
    when the form has no such field), others at the top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def page_of(request, items, size: int, *, param: str = "page", count: int | None = None) -> Page:
    """The page of `items` that `request.GET[param]` asks for. A missing, mistyped or
    out-of-range number gives the first or last page rather than an error, since such links
    are hand-edited or outlive the rows they counted. Link to the others with
    partials/pagination.html, passing the same `param`. Pass `count` when the caller has
    already counted `items` (with other counts, in one query) to spare counting them again."""
    paginator = Paginator(items, size)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get(param))


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
    return render(request, "web/area_settings.html", context, status=400 if form.errors else 200)
