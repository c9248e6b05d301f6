"""Recording events on a person's register entry: status, rating, review, consent and its
withdrawal, admission, discharge, removal, return, the move to the adults' register, contacts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from areas import access
from audit.logging import logs_reads
from dsr.capabilities import KEEP_REGISTER, RATE
from dsr.forms import events as event_forms
from dsr.forms.people import ContactForm
from dsr.models import Rating
from dsr.selectors import admission_in_progress, open_entry
from dsr.services.consents import consent_record, consent_withdraw
from dsr.services.contacts import contact_add, contact_remove, contact_update
from dsr.services.entries import entry_open, entry_remove, entry_review, entry_set_status
from dsr.services.episodes import episode_admit, episode_discharge
from dsr.services.ratings import rating_record
from dsr.services.transitions import entry_move_to_adults
from dsr.views.common import FORM_ABOUT_PERSON, open_entry_or_404, person_or_404, render_form
from web.views import add_service_errors


def _event_page(request, person, form, *, title: str, button: str, save, done: str, hint: str = ""):
    """The shared shape of an event form: show, validate, call the service, report."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("dsr:person", pk=person.pk)
    context = {"form": form, "person": person, "title": title, "button": button, "hint": hint}
    return render_form(request, "dsr/event_form.html", context, form=form)


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def status_change(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    entry = open_entry_or_404(person)
    form = event_forms.StatusForm(request.POST or None, entry=entry)
    if not form.fields["status"].choices:
        raise Http404("No status change is possible from here.")
    return _event_page(
        request,
        person,
        form,
        title="Change status",
        button="Save status",
        save=lambda data: entry_set_status(entry=entry, status=data["status"]),
        done="Status changed.",
        hint=f"Now: {entry.get_status_display()}.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def rating_change(request, pk: int):
    person = person_or_404(request, pk, RATE)
    entry = open_entry_or_404(person)
    form = event_forms.RatingForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Record a rating decision",
        button="Save rating",
        save=lambda data: rating_record(entry=entry, decided_by=request.user, **data),
        done="Rating recorded.",
        hint=f"Now: {Rating(entry.current_rating).short if entry.current_rating else 'not rated'}. "
        "Admission and discharge set blue and the post-discharge rating themselves.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def review(request, pk: int):
    person = person_or_404(request, pk, RATE)
    entry = open_entry_or_404(person)
    form = event_forms.ReviewForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Record a review",
        button="Save review",
        save=lambda data: entry_review(entry=entry, **data),
        done="Review recorded.",
        hint="The next review falls due by the area's interval for the current rating.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def consent(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    entry = open_entry_or_404(person)
    form = event_forms.ConsentForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Record consent or a best-interests decision",
        button="Save consent",
        save=lambda data: consent_record(entry=entry, recorded_by=request.user, **data),
        done="Consent recorded.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def consent_withdrawal(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    entry = open_entry_or_404(person)
    form = event_forms.WithdrawalForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Record that consent is withdrawn",
        button="Record withdrawal",
        save=lambda data: consent_withdraw(entry=entry, recorded_by=request.user, **data),
        done="Withdrawal recorded. The entry is flagged for removal.",
        hint="The entry is then flagged for removal: remove it from the register once you have spoken to the family.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def admission(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    form = event_forms.AdmissionForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Record an admission",
        button="Save admission",
        save=lambda data: episode_admit(person=person, recorded_by=request.user, **data),
        done="Admission recorded: the rating is now blue.",
        hint="The person is rated blue, and put on the register (active) if they are not on it.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def discharge(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    episode = admission_in_progress(person)
    if episode is None:
        raise Http404("No admission in progress.")
    form = event_forms.DischargeForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Record a discharge",
        button="Save discharge",
        save=lambda data: episode_discharge(
            episode=episode,
            recorded_by=request.user,
            discharged_on=data["discharged_on"],
            destination=data["destination"],
            delay_reasons=data["delay_reasons"],
        ),
        done="Discharge recorded.",
        hint=f"From {episode.hospital}, admitted {episode.admitted_on:%-d %B %Y}. The area's post-discharge "
        "rating is then held for its hold period.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def removal(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    entry = open_entry_or_404(person)
    form = event_forms.RemovalForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Remove from the register",
        button="Remove",
        save=lambda data: entry_remove(entry=entry, reason=data["reason"], detail=data["detail"], on=data["on"]),
        done="Removed from the register.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def return_to_register(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    if open_entry(person) is not None:
        raise Http404("Already on the register.")
    form = event_forms.ReturnForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Return to the register",
        button="Return to the register",
        save=lambda data: entry_open(person=person, status=data["status"]),
        done="Back on the register.",
        hint="A new entry is opened; the earlier ones stay in the history. Record consent again.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def move_to_adults(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    entry = open_entry_or_404(person)
    form = event_forms.TransitionForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Move to the adults' register",
        button="Move with this consent",
        save=lambda data: entry_move_to_adults(entry=entry, moved_by=request.user, **data),
        done="Now on the adults' register, with the new consent.",
        hint="The children's entry ends (turned 18) and an adults' entry opens with fresh consent. "
        "The case content and current rating carry over.",
    )


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def contact_add_view(request, pk: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    form = ContactForm(request.POST or None)
    return _event_page(
        request,
        person,
        form,
        title="Add a contact",
        button="Save contact",
        save=lambda data: contact_add(person=person, **data),
        done="Contact added.",
    )


def _contact_or_404(request, person, contact_id: int):
    from dsr.models import Contact

    return access.get_or_404(Contact.objects.filter(person=person), request.user, KEEP_REGISTER, pk=contact_id)


@login_required
@logs_reads(FORM_ABOUT_PERSON)
def contact_edit(request, pk: int, contact_id: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    contact = _contact_or_404(request, person, contact_id)
    initial = {name: getattr(contact, name) for name in ContactForm().fields}
    form = ContactForm(request.POST or None, initial=initial)
    return _event_page(
        request,
        person,
        form,
        title=f"Edit contact: {contact.name}",
        button="Save contact",
        save=lambda data: contact_update(contact=contact, **data),
        done="Contact saved.",
    )


@require_POST
@login_required
def contact_remove_view(request, pk: int, contact_id: int):
    person = person_or_404(request, pk, KEEP_REGISTER)
    contact = _contact_or_404(request, person, contact_id)
    contact_remove(contact=contact)
    messages.success(request, f"Contact {contact.name} removed.")
    return redirect("dsr:person", pk=person.pk)
