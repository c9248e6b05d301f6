"""The register list's filters (the same ones the exports and the API take)."""

from django import forms

from dsr import rules
from dsr.models import Rating, Register
from dsr.models.entry import EntryStatus
from dsr.register_list import SORTS, RegisterFilters

PAGE_SIZES = (25, 50, 100, 200)


class RegisterFilterForm(forms.Form):
    q = forms.CharField(
        label="Search by name, NHS number or date of birth",
        required=False,
        max_length=100,
        help_text="Names may be misspelt. Dates as 17/05/2012.",
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false", "autocomplete": "off"}),
    )
    area = forms.ChoiceField(label="Area", required=False)
    rating = forms.MultipleChoiceField(
        label="Rating", required=False, choices=Rating.choices, widget=forms.CheckboxSelectMultiple
    )
    status = forms.MultipleChoiceField(
        label="Status",
        required=False,
        choices=EntryStatus.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: everyone on the register now (not removed, not declined).",
    )
    register = forms.ChoiceField(label="Register", required=False, choices=[("", "Both"), *Register.choices])
    age_band = forms.ChoiceField(
        label="Age", required=False, choices=[("", "Any age")] + [(k, v[2]) for k, v in rules.AGE_BANDS.items()]
    )
    review = forms.ChoiceField(
        label="Review",
        required=False,
        choices=[("", "Any"), ("overdue", "Overdue"), ("due", f"Due within {rules.REVIEW_DUE_SOON_DAYS} days")],
    )
    keyworker = forms.ChoiceField(
        label="Keyworker", required=False, choices=[("", "Any"), ("yes", "Allocated"), ("no", "Not allocated")]
    )
    consent_due = forms.BooleanField(label="Consent missing or due for re-check", required=False)
    nearing_adults = forms.BooleanField(label="Nearing the adults' register (from 17½)", required=False)
    flagged = forms.BooleanField(label="Flagged for removal", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[(k, v[0]) for k, v in SORTS.items()])
    size = forms.TypedChoiceField(
        label="Rows per page", required=False, coerce=int, empty_value=50, choices=[(n, n) for n in PAGE_SIZES]
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {area.slug: area for area in areas}
        self.fields["area"].choices = [("", "All your areas"), *((a.slug, a.name) for a in areas)]
        if len(areas) < 2:
            del self.fields["area"]

    def filters(self, area_ids: list[int]) -> RegisterFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("area"):
            area_ids = [self.areas[data["area"]].id]
        return RegisterFilters(
            area_ids=area_ids,
            ratings=data.get("rating", []),
            statuses=data.get("status", []),
            register=data.get("register", ""),
            age_band=data.get("age_band", ""),
            review=data.get("review", ""),
            keyworker=data.get("keyworker", ""),
            consent_due=data.get("consent_due", False),
            nearing_adults=data.get("nearing_adults", False),
            flagged_for_removal=data.get("flagged", False),
            query=data.get("q", ""),
            sort=data.get("sort") or "name",
        )

    @property
    def page_size(self) -> int:
        return (self.cleaned_data.get("size") or 50) if self.is_bound and self.is_valid() else 50
