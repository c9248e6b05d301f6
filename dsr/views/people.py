"""Adding a person (duplicates first), the person page, editing details and case content, and
the subject access export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from areas import access
from areas.models import Area
from areas.selectors import settings_for
from audit.logging import Kind, Shows, attach_shown, is_the_person, logs_reads
from dsr import rules
from dsr.capabilities import KEEP_REGISTER, RATE, VIEW_REGISTER
from dsr.errors import ChangedSinceOpened
from dsr.forms.events import TransferAskForm
from dsr.forms.people import AddPersonForm, CaseContentForm, PersonEditForm
from dsr.models import RegisterSettings
from dsr.selectors import as_opened, duplicates, person_history, person_record, person_viewers
from dsr.services.entries import entry_update_content
from dsr.services.people import person_add_to_register, person_update
from dsr.subject_access import as_json, subject_access
from dsr.views.common import may_view_record, open_entry_or_404, person_or_404, render_form
from web.views import add_service_errors


def _check_duplicates(form) -> dict:
    """Possible duplicates of the person in the form; adds the errors that stop the add."""
    data = form.cleaned_data
    number = data["nhs_number"]
    found = duplicates(
        area_id=form.chosen_area.id,
        nhs_number=number or None,
        given_name=data["given_name"],
        family_name=data["family_name"],
        date_of_birth=data["date_of_birth"],
    )
    elsewhere = []
    if found.held_elsewhere_by:
        # Only the area's name and a way to ask it for a transfer: nothing of the record itself.
        form.add_error("nhs_number", f"A record with this NHS number is held by {found.held_elsewhere_by[0]}")
        for area in Area.objects.filter(name__in=found.held_elsewhere_by):
            elsewhere.append({"area": area, "ask_form": _transfer_ask_form(number, holder=area, to=form.chosen_area)})
    same_number = [p for p in found.matches_here if number and p.nhs_number == number]
    if same_number:
        form.add_error("nhs_number", "This NHS number is already on your register: open that record instead")
    elif found.matches_here and not data.get("not_a_duplicate"):
        form.add_error("not_a_duplicate", "Check the possible duplicates listed, then confirm none is this person")
    return {"elsewhere": elsewhere, "matches_here": found.matches_here}


def _transfer_ask_form(nhs_number: str, *, holder: Area, to: Area) -> TransferAskForm:
    return TransferAskForm(
        initial={"nhs_number": nhs_number, "holder": holder.id, "destination": to.id},
        holders=[holder],
        destinations=[to],
        auto_id=f"ask-{holder.slug}-%s",
    )


@login_required
def person_add(request):
    areas = list(access.areas_with(request.user, KEEP_REGISTER))
    if not areas:
        raise Http404("Nothing here for you.")
    form = AddPersonForm(request.POST or None, areas=areas)
    found = {}
    if request.method == "POST" and form.is_valid():
        found = _check_duplicates(form)
        if not form.errors:
            data = form.cleaned_data
            consent = None
            if data["consent_basis"]:
                consent = {
                    "basis": data["consent_basis"],
                    "given_by": data["consent_given_by"],
                    "relationship": data["consent_relationship"],
                    "recorded_on": data["consent_on"],
                }
            try:
                person = person_add_to_register(
                    area_id=form.chosen_area.id,
                    details=form.details(),
                    status=data["status"],
                    added_by=request.user,
                    rating=data["rating"],
                    rating_reason=data["rating_reason"],
                    consent=consent,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{person.full_name} is on the {form.chosen_area.name} register.")
                return redirect("dsr:person", pk=person.pk)
    return render_form(request, "dsr/person_add.html", {"form": form, "found": found}, form=form)


@login_required
@logs_reads(
    Shows(lambda context: "register record" if context["whole"] else "register summary", "person", person=is_the_person)
)
def person_detail(request, pk: int):
    person = person_or_404(request, pk, VIEW_REGISTER)
    whole = may_view_record(request.user, person)
    record = person_record(person)
    settings = settings_for(RegisterSettings, person.area_id)
    today = timezone.localdate()
    context = {
        "person": person,
        "record": record,
        "entry": record.entry,
        "whole": whole,
        "today": today,
        "age": person.age_on(today),
        "nearing_adults": rules.is_nearing_adult_register(
            person.date_of_birth,
            today,
            adult_age=settings.adult_register_age,
            months_before=settings.transition_flag_months,
        ),
        "adult_register_age": settings.adult_register_age,
        "can_keep": access.has_capability(request.user, KEEP_REGISTER, person.area_id),
        "can_rate": access.has_capability(request.user, RATE, person.area_id),
    }
    if whole:
        context["history"] = person_history(person)
        context["viewers"] = list(person_viewers(person))
    return TemplateResponse(request, "dsr/person_detail.html" if whole else "dsr/person_summary.html", context)


def _changed_rows(error: ChangedSinceOpened, form) -> list[tuple[str, object, object]]:
    return [
        (form.fields[name].label if name in form.fields else name, before, after)
        for name, (before, after) in error.changed.items()
    ]


def _refuse_overlap(form, error: ChangedSinceOpened) -> list:
    """Keep what the user typed, but take the version they have now seen, and say what changed."""
    form.data = form.data.copy()
    form.data["version"] = error.current.version
    add_service_errors(form, error)
    return _changed_rows(error, form)


@login_required
@logs_reads(Shows("register record", "person", person=is_the_person))
def person_edit(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    initial = {name: getattr(person, name) for name in PersonEditForm().fields if name != "version"}
    form = PersonEditForm(request.POST or None, initial={**initial, "version": person.version})
    changed = None
    if request.method == "POST" and form.is_valid():
        try:
            opened = form.cleaned_data["version"]
            person_update(person=as_opened(person, opened), opened_version=opened, **form.details())
        except ChangedSinceOpened as error:
            changed = _refuse_overlap(form, error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Details saved.")
            return redirect("dsr:person", pk=person.pk)
    context = {"form": form, "person": person, "changed": changed, "title": "Edit details"}
    return render_form(request, "dsr/edit_form.html", context, form=form, status=409 if changed else None)


@login_required
@logs_reads(Shows("register entry", "entry"))
def case_edit(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    entry = open_entry_or_404(person)
    initial = {name: getattr(entry, name) for name in CaseContentForm.base_fields if name != "version"}
    form = CaseContentForm(request.POST or None, initial={**initial, "version": entry.version})
    changed = None
    if request.method == "POST" and form.is_valid():
        try:
            opened = form.cleaned_data["version"]
            entry_update_content(entry=as_opened(entry, opened), opened_version=opened, **form.content())
        except ChangedSinceOpened as error:
            changed = _refuse_overlap(form, error)
        else:
            messages.success(request, "Case content saved.")
            return redirect("dsr:person", pk=person.pk)
    context = {"form": form, "person": person, "entry": entry, "changed": changed, "title": "Edit the case content"}
    return render_form(request, "dsr/edit_form.html", context, form=form, status=409 if changed else None)


@login_required
@logs_reads(Shows("subject access", "person", Kind.EXPORT, is_the_person))
def subject_access_view(request, pk: int, fmt: str = "html"):
    """Everything held about the person, for a subject access request: only those who keep the
    register answer these."""
    person = person_or_404(request, pk, KEEP_REGISTER)
    sections = subject_access(person)
    now = timezone.now()
    if fmt == "json":
        response = JsonResponse(
            as_json(sections, person=person, generated_by=request.user, generated_at=now),
            json_dumps_params={"indent": 2},
        )
        response["Content-Disposition"] = f'attachment; filename="subject-access-{person.pk}-{now:%Y-%m-%d}.json"'
        return attach_shown(response, person=person)
    return TemplateResponse(request, "dsr/subject_access.html", {"person": person, "sections": sections, "now": now})
