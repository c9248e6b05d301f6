"""Forms for the events recorded on a register entry: status, rating, review, consent,
admission, discharge, removal, return, the move to the adults' register and transfers."""

from django import forms
from django.utils import timezone

from dsr.forms.fields import choice_field, date_field, text_area
from dsr.models import Rating
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.models.episode import MentalHealthActSection
from dsr.nhs_numbers import normalise_nhs_number, validate_nhs_number
from dsr.services.entries import NEXT_STATUSES, RETURN_STATUSES


def _today():
    return timezone.localdate()


class StatusForm(forms.Form):
    status = choice_field("New status", [])

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = NEXT_STATUSES[EntryStatus(entry.status)]
        self.fields["status"].choices = [(s.value, s.label) for s in EntryStatus if s in allowed]


class RatingForm(forms.Form):
    rating = choice_field("Rating", Rating.choices)
    reason = text_area("Reason", required=True, help_text="What the decision rests on.")
    decided_on = date_field("Date decided", initial=_today)


class ReviewForm(forms.Form):
    reviewed_on = date_field("Date reviewed", initial=_today)


class ConsentForm(forms.Form):
    basis = choice_field("Basis", ConsentBasis.choices)
    given_by = forms.CharField(
        label="Given, or decision made, by", max_length=200, error_messages={"required": "Say who gave it"}
    )
    relationship = forms.CharField(label="Their relationship to the person", required=False, max_length=100)
    recorded_on = date_field("Date", initial=_today)
    notes = text_area("Notes", rows=3)


class WithdrawalForm(forms.Form):
    withdrawn_by = forms.CharField(
        label="Withdrawn by", max_length=200, error_messages={"required": "Say who withdrew consent"}
    )
    relationship = forms.CharField(label="Their relationship to the person", required=False, max_length=100)
    recorded_on = date_field("Date withdrawn", initial=_today)
    notes = text_area("Notes", rows=3)


class AdmissionForm(forms.Form):
    admitted_on = date_field("Date admitted", initial=_today)
    hospital = forms.CharField(label="Hospital", max_length=200, error_messages={"required": "Enter the hospital"})
    section = choice_field("Mental Health Act section", MentalHealthActSection.choices, radios=False)
    secure = forms.BooleanField(label="Secure setting", required=False)
    out_of_area = forms.BooleanField(label="Placed out of area", required=False)
    section_17_leave = text_area("Section 17 leave", rows=2)


class DischargeForm(forms.Form):
    discharged_on = date_field("Date discharged", initial=_today)
    destination = forms.CharField(
        label="Discharged to", max_length=200, error_messages={"required": "Enter where the person went"}
    )
    delay_reasons = text_area("Reasons for any delay in discharge", rows=3)


class RemovalForm(forms.Form):
    reason = choice_field("Reason", RemovalReason.choices)
    detail = text_area("Details", rows=3, help_text="Needed when the reason is “Other”.")
    on = date_field("Date removed", initial=_today)


class ReturnForm(forms.Form):
    status = choice_field(
        "Status on return",
        [(s.value, s.label) for s in RETURN_STATUSES],
        initial=EntryStatus.REFERRED,
    )


class TransitionForm(forms.Form):
    """Moving to the adults' register: fresh consent (or a best-interests decision) from 18."""

    basis = choice_field(
        "Basis of the new consent",
        [(b.value, b.label) for b in (ConsentBasis.CAPACITOUS, ConsentBasis.BEST_INTERESTS)],
    )
    given_by = forms.CharField(
        label="Given, or decision made, by", max_length=200, error_messages={"required": "Say who gave it"}
    )
    relationship = forms.CharField(label="Their relationship to the person", required=False, max_length=100)
    on = date_field("Date of the move and of the consent", initial=_today)
    notes = text_area("Notes", rows=3)


class TransferRequestForm(forms.Form):
    destination = forms.ChoiceField(
        label="Area the person is moving to", error_messages={"required": "Choose the area"}
    )
    reason = text_area("Reason", required=True, help_text="For example: the family has moved.", rows=3)

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {str(area.id): area for area in areas}
        self.fields["destination"].choices = [("", "Choose…"), *((str(a.id), a.name) for a in areas)]

    @property
    def destination_area(self):
        return self.areas[self.cleaned_data["destination"]]


class TransferAskForm(forms.Form):
    """Posted from the duplicate notice on the add-a-person page: the NHS number typed there,
    the area holding it and the user's own area (both hidden), and an optional message."""

    nhs_number = forms.CharField(widget=forms.HiddenInput)
    holder = forms.ChoiceField(widget=forms.HiddenInput)
    destination = forms.ChoiceField(widget=forms.HiddenInput)
    message = forms.CharField(
        label="Message (optional)",
        required=False,
        max_length=500,
        help_text="For example: why they are now in your area. Their DSR holders see it.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, holders, destinations, **kwargs):
        super().__init__(*args, **kwargs)
        self.holders = {str(area.id): area for area in holders}
        self.destinations = {str(area.id): area for area in destinations}
        self.fields["holder"].choices = [(key, area.name) for key, area in self.holders.items()]
        self.fields["destination"].choices = [(key, area.name) for key, area in self.destinations.items()]

    def clean_nhs_number(self):
        value = self.cleaned_data["nhs_number"]
        validate_nhs_number(value)
        return normalise_nhs_number(value)

    @property
    def holder_area(self):
        return self.holders[self.cleaned_data["holder"]]

    @property
    def destination_area(self):
        return self.destinations[self.cleaned_data["destination"]]


class TransferAskDeclineForm(forms.Form):
    reason = text_area("Reason", required=True, help_text="The area that asked does not see it.", rows=3)


class TransferDecisionForm(forms.Form):
    decision = choice_field("Decision", [("accept", "Accept the transfer"), ("decline", "Decline the transfer")])
    note = text_area("Note", help_text="Needed when declining: the other area sees it.", rows=3)
