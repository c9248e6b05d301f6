"""The DSR holder's triage forms: status, accept, decline, forward, outcome told, settings."""

from django import forms
from django.utils import timezone

from areas.models import Area
from dsr.models.choices import Diagnosis as PersonDiagnosis
from dsr.models.consent import ConsentBasis
from dsr.nhs_numbers import validate_nhs_number
from referrals.forms.referral import required_message, text_field
from referrals.models import DeclineReason, OutcomeMethod, OutcomeRecipient, ReferralSettings, ReferralStatus
from referrals.models.referral import LONG_TEXT_LENGTH, NAME_LENGTH, SHORT_TEXT_LENGTH
from referrals.services.settings import EDITABLE as EDITABLE_SETTINGS
from web.forms import DateInput


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (s, ReferralStatus(s).label) for s in (ReferralStatus.AWAITING_INFORMATION, ReferralStatus.UNDER_REVIEW)
        ],
        widget=forms.HiddenInput,
    )
    note = text_field(
        "Note",
        limit=SHORT_TEXT_LENGTH,
        required=False,
        rows=3,
        help_text="When waiting for information: what, and from whom.",
    )


class AcceptForm(forms.Form):
    """Accept onto the register: the young person as they will be recorded, and their consent."""

    person = forms.ChoiceField(label="Who is this?", widget=forms.RadioSelect)
    given_name = text_field("First name", limit=NAME_LENGTH, required=False)
    family_name = text_field("Last name", limit=NAME_LENGTH, required=False)
    preferred_name = text_field("Preferred name", limit=NAME_LENGTH, required=False)
    date_of_birth = forms.DateField(label="Date of birth", required=False, widget=DateInput)
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=14)
    address = text_field("Address", limit=SHORT_TEXT_LENGTH, required=False, rows=3)
    postcode = text_field("Postcode", limit=8, required=False, width="10")
    diagnosis = forms.ChoiceField(label="Diagnosis", choices=[("", "Choose"), *PersonDiagnosis.choices], required=False)
    has_ehc_plan = forms.BooleanField(label="Has an education, health and care (EHC) plan", required=False)
    education_setting = text_field("Education setting", limit=200, required=False)
    basis = forms.ChoiceField(
        label="Basis of consent to be on the register",
        choices=ConsentBasis.choices,
        widget=forms.RadioSelect,
        error_messages=required_message("Choose the basis of consent"),
    )
    given_by = text_field("Given or made by", limit=200, missing="Enter who gave consent or made the decision")
    relationship = text_field("Their relationship to the young person", limit=100, required=False)
    recorded_on = forms.DateField(
        label="Date of consent",
        widget=DateInput,
        error_messages={"required": "Enter the date of consent", "invalid": "Enter a real date"},
    )
    note = text_field("Note (optional)", limit=SHORT_TEXT_LENGTH, required=False, rows=3)

    NEW = "new"
    PERSON_FIELDS = (
        "given_name",
        "family_name",
        "preferred_name",
        "date_of_birth",
        "nhs_number",
        "address",
        "postcode",
        "diagnosis",
        "has_ehc_plan",
        "education_setting",
    )

    def __init__(self, *args, known_people: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = {str(person.id): person for person in known_people}
        self.fields["person"].choices = [
            (self.NEW, "Someone new to this area: add them with the details below"),
            *[(key, f"{p.full_name}, born {p.date_of_birth:%-d %B %Y}") for key, p in self.known.items()],
        ]

    def clean_recorded_on(self):
        value = self.cleaned_data["recorded_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date of consent must be today or in the past")
        return value

    def clean(self):
        data = super().clean()
        if data.get("person") == self.NEW:
            for field, message in (
                ("given_name", "Enter their first name"),
                ("family_name", "Enter their last name"),
                ("date_of_birth", "Enter their date of birth"),
                ("diagnosis", "Choose their diagnosis"),
            ):
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, message)
            if data.get("nhs_number"):
                try:
                    validate_nhs_number(data["nhs_number"])
                except forms.ValidationError as error:
                    self.add_error("nhs_number", error)
        return data

    def chosen_person(self):
        return self.known.get(self.cleaned_data["person"])

    def person_details(self) -> dict:
        return {field: self.cleaned_data.get(field) for field in self.PERSON_FIELDS}


class DeclineForm(forms.Form):
    decline_reason = forms.ChoiceField(
        label="Why is the referral not accepted?",
        choices=DeclineReason.choices,
        widget=forms.RadioSelect,
        error_messages=required_message("Choose why the referral is not accepted"),
    )
    decision_note = text_field(
        "Explain the decision",
        limit=LONG_TEXT_LENGTH,
        rows=5,
        missing="Explain the decision in words you can share with the family and referrer",
        help_text="The family and the referrer are told this. Say what else could help, and where to go.",
    )


class ForwardForm(forms.Form):
    destination = forms.ModelChoiceField(
        label="Send to",
        queryset=Area.objects.none(),
        to_field_name="slug",
        empty_label="Choose an area",
        error_messages={
            "required": "Choose the area to send the referral to",
            "invalid_choice": "Choose an area from the list",
        },
    )
    reason = text_field(
        "Why is it going there?",
        limit=SHORT_TEXT_LENGTH,
        rows=3,
        missing="Say why the referral is going to another area",
    )

    def __init__(self, *args, origin: Area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].queryset = Area.objects.exclude(id=origin.id).order_by("name")


class OutcomeForm(forms.Form):
    recipient = forms.ChoiceField(
        label="Who was told?",
        choices=OutcomeRecipient.choices,
        widget=forms.RadioSelect,
        error_messages=required_message("Choose who was told"),
    )
    method = forms.ChoiceField(
        label="How?",
        choices=OutcomeMethod.choices,
        widget=forms.RadioSelect,
        error_messages=required_message("Choose how"),
    )
    told_on = forms.DateField(
        label="When?",
        widget=DateInput,
        error_messages={"required": "Enter the date they were told", "invalid": "Enter a real date"},
    )
    note = text_field("Note (optional)", limit=SHORT_TEXT_LENGTH, required=False, rows=3)


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ReferralSettings
        fields = EDITABLE_SETTINGS
