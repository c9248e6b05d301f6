"""Forms of the keyworking pages. They check input shape; the services check the rules."""

from django import forms
from django.utils import timezone

from dsr.models import Diagnosis, Rating
from keyworking.models import Activity, ContactMode, ContactWith, KeyworkingSettings, OutcomePoint
from keyworking.models.choices import ClosureReason
from keyworking.models.eligibility import Cohort
from keyworking.models.goals import GoalStatus
from keyworking.models.outcomes import OUTCOME_FIELDS
from web.forms import DateInput, DateTimeInput, require_at_least_one


def _now():
    return timezone.localtime().replace(second=0, microsecond=0)


class ContactForm(forms.Form):
    """Fast to fill in: sensible defaults (now, phone, 30 minutes), one screen."""

    occurred_at = forms.DateTimeField(
        label="Date and time", widget=DateTimeInput, initial=_now, input_formats=DateTimeInput.input_formats
    )
    mode = forms.ChoiceField(
        label="How", choices=ContactMode.choices, initial=ContactMode.PHONE, widget=forms.RadioSelect
    )
    with_whom = forms.MultipleChoiceField(
        label="With whom", choices=ContactWith.choices, widget=forms.CheckboxSelectMultiple
    )
    service = forms.CharField(
        label="Professional's service", max_length=200, required=False, help_text="If a professional took part."
    )
    duration_minutes = forms.IntegerField(
        label="Duration (minutes)",
        min_value=1,
        max_value=24 * 60,
        initial=30,
        widget=forms.NumberInput(attrs={"width": 3}),
    )
    activities = forms.MultipleChoiceField(
        label="Activities", choices=Activity.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))


class AmendmentForm(forms.Form):
    text = forms.CharField(label="Amendment", widget=forms.Textarea(attrs={"rows": 2}))


class GoalForm(forms.Form):
    description = forms.CharField(
        label="Goal, in the young person's or family's words", widget=forms.Textarea(attrs={"rows": 2})
    )
    target_on = forms.DateField(label="Hoped for by", required=False, widget=DateInput)


class ProgressForm(forms.Form):
    score = forms.IntegerField(label="Progress (0 = not started, 10 = achieved)", min_value=0, max_value=10)
    note = forms.CharField(required=False, max_length=1000)


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(choices=GoalStatus.choices)


class HopeForm(forms.Form):
    score = forms.IntegerField(
        label="How hopeful is the family that keyworking will make a difference? (0 to 10)", min_value=0, max_value=10
    )
    given_by = forms.CharField(label="Given by", max_length=200, required=False)
    note = forms.CharField(required=False, max_length=1000)


_SCALE = [("", "Not rated"), *((str(n), str(n)) for n in range(1, 6))]


class OutcomeForm(forms.Form):
    point = forms.ChoiceField(label="When", choices=OutcomePoint.choices, widget=forms.RadioSelect)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, label in OUTCOME_FIELDS.items():
            self.fields[field] = forms.TypedChoiceField(
                label=label,
                choices=_SCALE,
                coerce=int,
                empty_value=None,
                required=False,
                help_text="1 (not at all) to 5 (completely)",
            )

    def scores(self) -> dict[str, int | None]:
        return {field: self.cleaned_data.get(field) for field in OUTCOME_FIELDS}


class SpendForm(forms.Form):
    amount = forms.DecimalField(label="Amount (£)", min_value=0.01, max_digits=7, decimal_places=2)
    what_for = forms.CharField(label="What it was for", widget=forms.Textarea(attrs={"rows": 2}))
    spent_on = forms.DateField(label="Date", widget=DateInput, initial=timezone.localdate)


class ClinicalNoteForm(forms.Form):
    text = forms.CharField(label="Clinical input", widget=forms.Textarea(attrs={"rows": 4}))


class KeyworkerChoiceForm(forms.Form):
    keyworker = forms.TypedChoiceField(coerce=int, label="Keyworker", widget=forms.RadioSelect)

    def __init__(self, *args, loads, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keyworker"].choices = [
            (
                load.user.pk,
                f"{load.user.display_name} – {load.cases} case{'' if load.cases == 1 else 's'}, weight {load.weight}",
            )
            for load in loads
        ]


class ReallocateForm(KeyworkerChoiceForm):
    reason = forms.CharField(label="Why the case is being reallocated", widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why keyworking is closing", choices=ClosureReason.choices, widget=forms.RadioSelect
    )
    detail = forms.CharField(label="Details", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PolicyForm(forms.Form):
    service = forms.CharField(label="Keyworking service", max_length=200)
    effective_from = forms.DateField(label="Applies from", widget=DateInput)
    diagnoses = forms.MultipleChoiceField(choices=Diagnosis.choices, widget=forms.CheckboxSelectMultiple)
    ratings = forms.MultipleChoiceField(choices=Rating.choices, widget=forms.CheckboxSelectMultiple)
    min_age = forms.IntegerField(label="Youngest age", min_value=0, max_value=25, initial=0)
    max_age = forms.IntegerField(label="Oldest age (inclusive)", min_value=0, max_value=25, initial=17)
    cohorts = forms.MultipleChoiceField(
        label="Also eligible whatever their rating",
        choices=Cohort.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("min_age") is not None and data.get("max_age") is not None and data["max_age"] < data["min_age"]:
            self.add_error("max_age", "The oldest age must be at least the youngest")
        return data


class KeyworkingSettingsForm(forms.ModelForm):
    """How an area runs keyworking. Every value is a weight, a count of days or hours, or a sum
    of money, none of which means anything at 0."""

    class Meta:
        model = KeyworkingSettings
        fields = [
            "weight_blue",
            "weight_red",
            "weight_amber",
            "weight_green",
            "contact_edit_hours",
            "contact_due_days",
            "review_days",
            "spend_budget",
            "spend_item_limit",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        require_at_least_one(self, self.fields)

    def clean(self):
        data = super().clean()
        budget, limit = data.get("spend_budget"), data.get("spend_item_limit")
        if budget is not None and limit is not None and limit > budget:
            self.add_error("spend_item_limit", f"One spend may not be more than the year's budget (£{budget})")
        return data
