"""The access log search form."""

from django import forms

from web.forms import DateInput


class AccessLogSearchForm(forms.Form):
    area_id = forms.TypedChoiceField(label="Area", coerce=int, required=False, empty_value=None)
    person_id = forms.IntegerField(
        label="Person reference",
        required=False,
        min_value=1,
        help_text="The number shown as the person's reference on their record.",
        widget=forms.NumberInput(attrs={"width": "10"}),
    )
    username = forms.CharField(label="Username", required=False, max_length=150)
    date_from = forms.DateField(
        label="From",
        required=False,
        widget=DateInput,
        error_messages={"invalid": "Enter a real date"},
    )
    date_to = forms.DateField(
        label="To",
        required=False,
        widget=DateInput,
        error_messages={"invalid": "Enter a real date"},
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_id"].choices = [("", "All your areas"), *((area.id, area.name) for area in areas)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return cleaned
