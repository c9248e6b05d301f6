"""The dashboard's choices (section, months shown): bad values answer 400 with a message."""

from django import forms

from dashboards.catalogue import SECTIONS
from dashboards.figures import DEFAULT_MONTHS, MONTH_CHOICES


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
