"""Adding a person (with the duplicate check) and editing their details and case content."""

from django import forms

from dsr.forms.fields import choice_field, date_field, text_area
from dsr.models import Contact, Person, Rating
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus
from dsr.nhs_numbers import normalise_nhs_number, validate_nhs_number
from dsr.services.entries import CASE_CONTENT_FIELDS
from web.forms import DateInput

PERSON_FIELDS = [
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "nhs_number",
    "ethnicity",
    "address",
    "postcode",
    "diagnosis",
    "learning_disability_diagnosed_on",
    "autism_diagnosed_on",
    "has_ehc_plan",
    "looked_after",
    "adopted",
    "residential_care",
    "education_setting",
]
_DATE_WIDGET = DateInput()
_PERSON_WIDGETS = {
    "date_of_birth": _DATE_WIDGET,
    "learning_disability_diagnosed_on": _DATE_WIDGET,
    "autism_diagnosed_on": _DATE_WIDGET,
    "address": forms.Textarea(attrs={"rows": 3}),
    "diagnosis": forms.RadioSelect,
    "nhs_number": forms.TextInput(attrs={"width": "10", "inputmode": "numeric", "spellcheck": "false"}),
    "postcode": forms.TextInput(attrs={"width": "10", "autocomplete": "off"}),
}
_ERRORS = {
    "given_name": {"required": "Enter the person's given name"},
    "family_name": {"required": "Enter the person's family name"},
    "date_of_birth": {"required": "Enter the date of birth", "invalid": "Enter a real date of birth"},
    "diagnosis": {"required": "Choose the diagnosis"},
}
ENTRY_START_STATUSES = [
    (status.value, status.label)
    for status in (EntryStatus.REFERRED, EntryStatus.UNDER_REVIEW, EntryStatus.ACCEPTED, EntryStatus.ACTIVE)
]


class PersonDetailsForm(forms.Form):
    """The person's own details (the fields, labels and validators come from the model)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_fields = forms.fields_for_model(
            Person, fields=PERSON_FIELDS, widgets=_PERSON_WIDGETS, error_messages=_ERRORS
        )
        self.fields = {**model_fields, **self.fields}
        self.fields["diagnosis"].choices = [c for c in self.fields["diagnosis"].choices if c[0]]
        # Typed with spaces or dashes ("943 476 5919"): checked and tidied in clean_nhs_number.
        self.fields["nhs_number"] = forms.CharField(
            label="NHS number",
            required=False,
            max_length=14,
            help_text="If known. For example, 943 476 5919.",
            widget=_PERSON_WIDGETS["nhs_number"],
        )

    def clean_nhs_number(self):
        value = (self.cleaned_data.get("nhs_number") or "").strip()
        if value:
            validate_nhs_number(value)
        return normalise_nhs_number(value)

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}


class AddPersonForm(PersonDetailsForm):
    area = forms.ChoiceField(label="Area", error_messages={"required": "Choose the area whose register this is"})
    status = choice_field("Status on the register", ENTRY_START_STATUSES, initial=EntryStatus.REFERRED)
    rating = choice_field("Initial rating (optional)", Rating.choices, required=False)
    rating_reason = text_area("Reason for the rating", rows=2)
    consent_basis = choice_field("Consent (optional)", ConsentBasis.choices, required=False)
    consent_given_by = forms.CharField(label="Consent given or decision made by", required=False, max_length=200)
    consent_relationship = forms.CharField(label="Their relationship to the person", required=False, max_length=100)
    consent_on = date_field("Date of consent or decision", required=False)
    not_a_duplicate = forms.BooleanField(
        label="I have checked: none of the records listed is this person", required=False
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {str(area.id): area for area in areas}
        self.fields["area"].choices = [(str(a.id), a.name) for a in areas]
        if len(areas) == 1:
            self.fields["area"].required = False  # the one area the user keeps the register for
            self.fields["area"].widget = forms.HiddenInput()
        else:
            self.fields["area"].widget = forms.RadioSelect()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("rating") and not (cleaned.get("rating_reason") or "").strip():
            self.add_error("rating_reason", "Give the reason for the rating")
        if cleaned.get("consent_basis"):
            if not (cleaned.get("consent_given_by") or "").strip():
                self.add_error("consent_given_by", "Say who gave the consent or made the decision")
            if not cleaned.get("consent_on"):
                self.add_error("consent_on", "Enter the date of consent or decision")
        return cleaned

    def clean_area(self):
        return self.cleaned_data.get("area") or next(iter(self.areas))

    @property
    def chosen_area(self):
        return self.areas[self.cleaned_data["area"]]


class PersonEditForm(PersonDetailsForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CaseContentForm(forms.Form):
    current_issues = text_area("Current issues that could lead to admission", rows=5)
    tried = text_area("What has been tried", rows=5)
    could_help = text_area("What could help", rows=5)
    action_plan = text_area("Action plan", rows=5)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def content(self) -> dict:
        return {name: self.cleaned_data[name] for name in CASE_CONTENT_FIELDS}


class ContactForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = forms.fields_for_model(
            Contact,
            fields=["kind", "name", "relationship", "organisation", "phone", "email", "notes"],
            widgets={"kind": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 3})},
            error_messages={
                "kind": {"required": "Choose family or key professional"},
                "name": {"required": "Enter the contact's name"},
                "email": {"invalid": "Enter an email address like name@example.nhs.uk"},
            },
        )
        self.fields["kind"].choices = [c for c in self.fields["kind"].choices if c[0]]
