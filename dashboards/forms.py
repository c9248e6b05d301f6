"""The dashboard's choices (section, months shown): bad values answer 400 with a message; and
an area's small-number suppression."""

from django import forms

from dashboards.catalogue import SECTIONS
from dashboards.disclosure import policy_problem
from dashboards.figures import DEFAULT_MONTHS, MONTH_CHOICES
from dashboards.models import DashboardSettings


class DashboardForm(forms.Form):
    section = forms.ChoiceField(choices=[(s.key, s.title) for s in SECTIONS], required=False)
    months = forms.TypedChoiceField(
        label="Months shown",
        choices=[(str(n), f"{n} months") for n in MONTH_CHOICES],
        coerce=int,
        required=False,
    )

    def clean_section(self) -> str:
        return self.cleaned_data["section"] or SECTIONS[0].key

    def clean_months(self) -> int:
        return self.cleaned_data["months"] or DEFAULT_MONTHS


def choices(data) -> tuple[DashboardForm, str, int]:
    """The form, and the section and months to show (the defaults when the input is bad)."""
    form = DashboardForm(data or None)
    if form.is_valid():
        return form, form.cleaned_data["section"], form.cleaned_data["months"]
    return form, SECTIONS[0].key, DEFAULT_MONTHS


class DisclosureSettingsForm(forms.ModelForm):
    """An area's small-number suppression. What may be used is policy_problem's rule, checked
    here so that a bad policy is refused on its field rather than by the database constraint."""

    FIELDS = {"threshold": "suppress_below", "rounding": "round_to"}  # policy_problem's numbers

    class Meta:
        model = DashboardSettings
        fields = ["suppress_below", "round_to"]

    def clean(self):
        data = super().clean()
        threshold, rounding = data.get("suppress_below"), data.get("round_to")
        if threshold is not None and rounding is not None and (problem := policy_problem(threshold, rounding)):
            self.add_error(self.FIELDS[problem.number], problem.message)
        return data
