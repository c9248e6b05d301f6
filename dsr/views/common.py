"""Lookups shared by the register's views: every one through the access layer (404 outside)."""

from django.template.response import TemplateResponse

from areas import access
from audit.logging import Shows, is_the_person
from dsr.capabilities import VIEW_RECORD
from dsr.models import Person
from dsr.selectors import open_entry

# A form about a person (an event, an edit) shows who it is about, and what it edits.
FORM_ABOUT_PERSON = Shows("register summary", "person", person=is_the_person)


def person_or_404(request, pk: int, capability) -> Person:
    return access.get_or_404(Person.objects.select_related("area"), request.user, capability, pk=pk)


def open_entry_or_404(person):
    from django.http import Http404

    entry = open_entry(person)
    if entry is None:
        raise Http404("This person is not on the register.")
    entry.person = person
    return entry


def may_view_record(user, person) -> bool:
    return access.has_capability(user, VIEW_RECORD, person.area_id)


def render_form(request, template: str, context: dict, *, form=None, status: int | None = None):
    """Render a form page: 400 when the form has errors, unless a status is given."""
    if status is None:
        status = 400 if form is not None and form.errors else 200
    return TemplateResponse(request, template, context, status=status)
