"""The referral forms: the public form, and referring from inside the service. Field sizes
match the model, so nothing oversized reaches the database; the rules come from
referrals.rules, shared with the services and the API."""

from datetime import date

from django import forms
from django.utils import timezone

from areas.models import Area
from dsr.nhs_numbers import normalise_nhs_number, validate_nhs_number
from referrals import protection, rules
from referrals.models import (
    Diagnosis,
    EhcPlan,
    ReferrerRelationship,
)
from referrals.models.referral import LONG_TEXT_LENGTH, NAME_LENGTH, SHORT_TEXT_LENGTH


def required_message(message: str) -> dict:
    return {"required": message}


def _too_long(what: str, limit: int) -> dict:
    return {"max_length": f"{what} must be {limit:,} characters or fewer"}


def text_field(label, *, limit, required=True, missing="", help_text="", rows=None, width=None, autocomplete=None):
    """A text box (or a text area, given `rows`) with the NHS.UK wording for missing and
    too-long answers."""
    attrs = {"spellcheck": "false"} if rows is None else {"rows": rows}
    if width:
        attrs["width"] = width
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    widget = forms.Textarea(attrs=attrs) if rows else forms.TextInput(attrs=attrs)
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        help_text=help_text,
        widget=widget,
        error_messages={**required_message(missing), **_too_long(label, limit)},
    )


class DateInputWidget(forms.MultiWidget):
    """The NHS.UK date input: day, month and year boxes (better than a date picker for a date
    of birth, which people know and type)."""

    template_name = "referrals/widgets/date_input.html"

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric", "spellcheck": "false"}
        super().__init__(
            {
                "day": forms.TextInput(attrs={**part, "autocomplete": "bday-day"}),
                "month": forms.TextInput(attrs={**part, "autocomplete": "bday-month"}),
                "year": forms.TextInput(attrs={**part, "autocomplete": "bday-year"}),
            },
            attrs,
        )

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        base_id = (attrs or {}).get("id") or self.attrs.get("id")
        if base_id:
            subwidgets[0]["attrs"]["id"] = base_id  # the error summary links to the day box
        for subwidget, label, width in zip(subwidgets, ("Day", "Month", "Year"), (2, 2, 4), strict=True):
            subwidget["label"], subwidget["width"] = label, width
        context["widget"]["has_error"] = bool((attrs or {}).get("aria-invalid"))
        return context


class DateOfBirthField(forms.MultiValueField):
    widget = DateInputWidget

    def __init__(self, **kwargs):
        parts = [forms.CharField(required=False, max_length=10) for _ in range(3)]
        super().__init__(fields=parts, require_all_fields=False, **kwargs)
        self.error_messages["required"] = "Enter their date of birth"

    def compress(self, data_list):
        day, month, year = ((part or "").strip() for part in (data_list or ["", "", ""]))
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if len(missing) == 3:
            return None
        if missing:
            raise forms.ValidationError(f"Date of birth must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise forms.ValidationError("Date of birth must be a real date, like 27 3 2012")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError("Date of birth must be a real date, like 27 3 2012") from None


class ReferralDetailsForm(forms.Form):
    """What every referral tells us. `maximum_age` is the receiving area's setting."""

    given_name = text_field("First name", limit=NAME_LENGTH, missing="Enter their first name", autocomplete="off")
    family_name = text_field("Last name", limit=NAME_LENGTH, missing="Enter their last name", autocomplete="off")
    preferred_name = text_field("Name they like to be called (optional)", limit=NAME_LENGTH, required=False)
    date_of_birth = DateOfBirthField(label="Date of birth", help_text="For example, 27 3 2012")
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        help_text="If you know it. This is a 10 digit number, like 943 476 5919.",
        required=False,
        max_length=14,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false", "width": "10"}),
        error_messages=_too_long("NHS number", 14),
    )
    address = text_field("Address (optional)", limit=SHORT_TEXT_LENGTH, required=False, rows=3)
    postcode = text_field(
        "Postcode (optional)",
        limit=8,
        required=False,
        width="10",
        help_text="Where the young person lives. This helps us check which team supports them.",
    )
    diagnosis = forms.ChoiceField(
        label="Does the young person have a learning disability or autism?",
        choices=Diagnosis.choices,
        widget=forms.RadioSelect,
        error_messages={
            **required_message("Choose whether they have a learning disability or autism"),
            "invalid_choice": "Choose one of the options",
        },
    )
    has_ehc_plan = forms.ChoiceField(
        label="Do they have an education, health and care (EHC) plan?",
        choices=EhcPlan.choices,
        widget=forms.RadioSelect,
        error_messages={
            **required_message("Choose whether they have an EHC plan"),
            "invalid_choice": "Choose one of the options",
        },
    )
    education_setting = text_field("School, college or other setting (optional)", limit=200, required=False)
    concerns = text_field(
        "What is worrying you about the young person at the moment?",
        limit=LONG_TEXT_LENGTH,
        missing="Tell us what is worrying you",
        rows=8,
        help_text="For example, changes in behaviour, a crisis or A&E visit, a placement or school breaking "
        "down, or a worry that they could go into a mental health hospital.",
    )
    support_in_place = text_field(
        "What support do they have now, or what has been tried? (optional)",
        limit=LONG_TEXT_LENGTH,
        required=False,
        rows=5,
    )
    communication_needs = text_field(
        "Does the young person or their family need an interpreter, or other help to communicate? (optional)",
        limit=SHORT_TEXT_LENGTH,
        required=False,
        rows=3,
    )
    consent_to_be_considered = forms.BooleanField(
        label="The young person knows about this referral and agrees to it, or a parent or carer with "
        "parental responsibility agrees for them",
        error_messages=required_message("Confirm that the young person, or someone who can decide for them, agrees"),
    )
    consent_given_by = text_field(
        "Who agreed? (optional)", limit=200, required=False, help_text="For example, “Sam themself” or “their mum”."
    )
    referrer_relationship = forms.ChoiceField(
        label="Who are you?",
        choices=ReferrerRelationship.choices,
        widget=forms.RadioSelect,
        error_messages={**required_message("Choose who you are"), "invalid_choice": "Choose one of the options"},
    )
    referrer_name = text_field("Your full name", limit=200, missing="Enter your full name", autocomplete="name")
    referrer_organisation = text_field(
        "Your organisation (if you are a professional)", limit=200, required=False, autocomplete="organization"
    )
    referrer_role = text_field("Your job title or role (optional)", limit=100, required=False)
    referrer_phone = text_field(
        "Your phone number",
        limit=30,
        required=False,
        width="20",
        autocomplete="tel",
        help_text="We need a phone number or an email address to tell you what happens.",
    )
    referrer_email = forms.EmailField(
        label="Your email address",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            **_too_long("Email address", 254),
        },
    )
    family_contact_name = text_field(
        "Parent or carer's name (if you are not their parent or carer)", limit=200, required=False
    )
    family_contact_phone = text_field("Parent or carer's phone number", limit=30, required=False, width="20")

    def __init__(self, *args, maximum_age: int = 25, **kwargs):
        super().__init__(*args, **kwargs)
        self.maximum_age = maximum_age

    def _rule(self, field: str, problem: str | None) -> None:
        if problem and field not in self.errors:
            self.add_error(field, problem)

    def clean_nhs_number(self):
        value = normalise_nhs_number(self.cleaned_data["nhs_number"])
        if value:
            validate_nhs_number(value)
        return value

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        problem = rules.postcode_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        return rules.normalise_postcode(value)

    def clean(self):
        data = super().clean()
        if data.get("date_of_birth"):
            self._rule(
                "date_of_birth",
                rules.date_of_birth_problem(data["date_of_birth"], timezone.localdate(), maximum_age=self.maximum_age),
            )
        self._rule("referrer_phone", rules.phone_problem(data.get("referrer_phone", "")))
        self._rule("family_contact_phone", rules.phone_problem(data.get("family_contact_phone", "")))
        if "referrer_phone" not in self.errors and "referrer_email" not in self.errors:
            self._rule(
                "referrer_phone",
                rules.contact_problem(phone=data.get("referrer_phone", ""), email=data.get("referrer_email", "")),
            )
        if data.get("referrer_relationship") == ReferrerRelationship.PROFESSIONAL and not data.get(
            "referrer_organisation"
        ):
            self._rule("referrer_organisation", "Enter the organisation you work for")
        return data

    def details(self) -> dict:
        """The cleaned answers, as referral_submit takes them."""
        return {name: self.cleaned_data[name] for name in self.fields if name in ReferralDetailsForm.base_fields}


class PublicReferralForm(ReferralDetailsForm):
    """The form for families and professionals without an account. The two spam checks are
    invisible to people: a honeypot field they never see or reach, and a signed time of when
    the form was shown (a person takes more than a few seconds to fill it in)."""

    # Named so that no browser autofills it (autofill would trip it for real people).
    extra_comments = forms.CharField(
        label="Leave this blank",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_started = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, area_slug: str, minimum_seconds: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.area_slug, self.minimum_seconds = area_slug, minimum_seconds
        # A fresh time on every showing, so a person sent back to correct an answer is timed anew.
        self.initial["form_started"] = protection.started_token(area_slug)

    def clean(self):
        data = super().clean()
        timing = protection.timing(
            data.get("form_started", ""), area_slug=self.area_slug, minimum_seconds=self.minimum_seconds
        )
        if data.get("extra_comments"):
            self.add_error(None, "We could not send your form. Check your answers and send it again.")
        elif timing is protection.Timing.EXPIRED:
            self.add_error(None, "This form was open for a long time. Check your answers and send it again.")
        elif timing is not protection.Timing.OK:
            self.add_error(None, "We could not send your form. Check your answers and send it again.")
        return data

    def refresh_started(self) -> None:
        """Show the answers back with a fresh start time (the posted one is spent). The form
        has been validated, so changing its data changes only what is rendered."""
        data = self.data.copy()
        data["form_started"] = protection.started_token(self.area_slug)
        self.data = data


class ProfessionalReferralForm(ReferralDetailsForm):
    """A professional with an account refers from inside the service, to the area where the
    young person lives (any area)."""

    area = forms.ModelChoiceField(
        label="Which area does the young person live in?",
        queryset=Area.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Choose an area",
        error_messages={
            "required": "Choose the area where the young person lives",
            "invalid_choice": "Choose an area from the list",
        },
    )
    field_order = ["area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["referrer_relationship"]

    def clean(self):
        self.cleaned_data["referrer_relationship"] = ReferrerRelationship.PROFESSIONAL
        return super().clean()

    def details(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ReferralDetailsForm.base_fields
            if name in self.cleaned_data or name == "referrer_relationship"
        }
