"""Per-area register settings and the spreadsheet import."""

from django import forms

from dsr.models import RegisterSettings
from web.forms import require_at_least_one


class RegisterSettingsForm(forms.ModelForm):
    class Meta:
        model = RegisterSettings
        fields = [
            "review_days_red",
            "review_days_amber",
            "review_days_green",
            "review_days_blue",
            "post_discharge_rating",
            "post_discharge_hold_days",
            "consent_recheck_days",
            "adult_register_age",
            "transition_flag_months",
        ]
        widgets = {"post_discharge_rating": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        review_days = ("review_days_red", "review_days_amber", "review_days_green", "review_days_blue")
        require_at_least_one(self, review_days, "Enter a number of days of 1 or more")


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Register spreadsheet",
        help_text="CSV or Excel (.xlsx), with the columns of the template.",
        error_messages={"required": "Choose the spreadsheet to import"},
    )
