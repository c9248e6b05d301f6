"""What the C(E)TR views share: form responses, dates and the access log."""

from collections.abc import Iterable

from django.shortcuts import render
from django.utils import timezone

from audit.models import AccessLogEntry
from audit.services import Shown, access_record


def form_page(request, template: str, context: dict):
    """Render a page with a form: 400 when the form has errors, so bad input is never a 200."""
    form = context.get("form")
    return render(request, template, context, status=400 if form is not None and form.errors else 200)


def log_list(request, record_type: str, records: Iterable) -> None:
    access_record(
        request,
        kind=AccessLogEntry.Kind.LIST,
        record_type=record_type,
        shown=[Shown(record.area_id, record.pk, record.person_id) for record in records],
    )


def log_detail(request, record_type: str, record) -> None:
    access_record(
        request,
        kind=AccessLogEntry.Kind.DETAIL,
        record_type=record_type,
        shown=[Shown(record.area_id, record.pk, getattr(record, "person_id", None))],
    )


def today():
    return timezone.localdate()
