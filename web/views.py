"""Shared view helpers: a service's refusal shown on its form, and one page of a long list.
The settings page is web.settings_page."""

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator


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
