"""Access logging by construction: a view declares what it shows, and the log row is written
from the response it actually returns, never from a call the view has to remember to make.

- Function views: `@logs_reads(Shows(...), ...)`. The view returns a `TemplateResponse` and
  each `Shows` reads its records from the template's context (or, for a file or JSON answer,
  from what `attach_shown` attached to the response). A page that renders logs what it
  renders; a redirect logs nothing; a decorated view whose answer says nothing of what it
  shows fails loudly instead of showing it unlogged.
- DRF views: `LoggedReadsMixin`, with `access_log_record_type`. What a GET answers is read from
  the serializer that made the answer (`response.data.serializer`, or that of a page's
  `results`), so a list logs exactly the page it returned and a detail the record.

`tests/isolation/test_access_logged.py` GETs every URL as the area's users and fails when an
answer shows a person's identifying details without a row written by that request.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.template.response import SimpleTemplateResponse
from rest_framework.serializers import ListSerializer
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from areas.rls import system_scope
from audit.models import AccessLogEntry
from audit.services import Shown, access_record

Kind = AccessLogEntry.Kind


def person_of(record) -> int | None:
    """The person a record is about: its `person_id` (None for records about no one)."""
    return getattr(record, "person_id", None)


def is_the_person(record) -> int:
    """For records that are the person themselves."""
    return record.pk


@dataclass(frozen=True)
class Shows:
    """One kind of record a page shows, and where in its context the page holds them.

    `records` is a context key (holding one record or a list of them) or a function of the
    context; it may give None or nothing, and then nothing is logged for it. `record_type` may
    also be a function of the context, for pages that show more or less of a record.
    `outside_scope(context)` true writes the row in system scope: for the few pages that show
    a record of an area beyond the user's row scope (a C(E)TR panel member's case papers)."""

    record_type: str | Callable[[Mapping], str]
    records: str | Callable[[Mapping], Any]
    kind: str = Kind.DETAIL
    person: Callable[[Any], int | None] = person_of
    outside_scope: Callable[[Mapping], bool] | None = None

    def shown(self, context: Mapping) -> list[Shown]:
        records = context.get(self.records) if isinstance(self.records, str) else self.records(context)
        if records is None:
            return []
        if not isinstance(records, Iterable) or hasattr(records, "_meta"):
            records = [records]
        return [Shown(record.area_id, record.pk, self.person(record)) for record in records]

    def log(self, request, context: Mapping) -> None:
        record_type = self.record_type if isinstance(self.record_type, str) else self.record_type(context)
        shown = self.shown(context)
        if self.outside_scope is not None and self.outside_scope(context):
            with system_scope():
                access_record(request, kind=self.kind, record_type=record_type, shown=shown)
        else:
            access_record(request, kind=self.kind, record_type=record_type, shown=shown)


def attach_shown(response, **context):
    """Attach what a response that is not a template (a file, a JSON document) shows, for the
    view's `Shows` to read as they would a template's context. Returns the response."""
    response.shown_context = context
    return response


def _shown_context(response) -> Mapping | None:
    if isinstance(response, SimpleTemplateResponse):
        return response.context_data or {}
    return getattr(response, "shown_context", None)


def logs_reads(*shows: Shows):
    """Decorate a function view with what it shows: written to the access log (one row per
    area and per `Shows`) whenever it answers with a page or file, before the page renders."""

    def decorate(view):
        @wraps(view)
        def logged(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            context = _shown_context(response)
            if context is None:
                if 300 <= response.status_code < 400:
                    return response  # a redirect shows nothing
                raise ImproperlyConfigured(
                    f"{view.__module__}.{view.__qualname__} logs what it shows: return a TemplateResponse "
                    "or attach_shown() to the response"
                )
            for item in shows:
                item.log(request, context)
            return response

        logged.access_logged = shows
        return logged

    return decorate


def _serializer_of(data):
    if isinstance(data, ReturnDict | ReturnList):
        return data.serializer
    if isinstance(data, Mapping) and isinstance(data.get("results"), ReturnList):
        return data["results"].serializer  # a page: only the records on it
    return None


class LoggedReadsMixin:
    """For DRF views: every successful GET logs the records its serializer answered with, as
    `access_log_record_type`. Override `access_log_person` for records that are the person
    themselves, or `access_log_shown` for answers that show records nested in others."""

    access_log_record_type = ""
    access_log_methods = ("GET", "HEAD")

    def access_log_person(self, record) -> int | None:
        return person_of(record)

    def access_log_shown(self, records: Iterable) -> list[Shown]:
        return [Shown(record.area_id, record.pk, self.access_log_person(record)) for record in records]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in self.access_log_methods or not 200 <= response.status_code < 300:
            return response
        if not self.access_log_record_type:
            raise ImproperlyConfigured(f"{type(self).__name__} needs an access_log_record_type")
        serializer = _serializer_of(getattr(response, "data", None))
        if serializer is None:
            raise ImproperlyConfigured(f"{type(self).__name__} answered a read with no serializer to log it from")
        many = isinstance(serializer, ListSerializer)
        records = list(serializer.instance or []) if many else [serializer.instance] if serializer.instance else []
        access_record(
            request,
            kind=Kind.LIST if many else Kind.DETAIL,
            record_type=self.access_log_record_type,
            shown=self.access_log_shown(records),
        )
        return response
