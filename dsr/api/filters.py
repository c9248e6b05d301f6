"""The register list's filters for the API: the same fields and meaning as the list page (both
end in dsr.register_list.filter_entries)."""

import django_filters
from django.core.exceptions import ValidationError

from dsr import rules
from dsr.models import Rating, Register, RegisterEntry
from dsr.models.entry import EntryStatus
from dsr.register_list import RegisterFilters, annotated_entries, filter_entries


class RegisterEntryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="_skip", label="Name (typo-tolerant), NHS number or date of birth")
    area = django_filters.CharFilter(method="_skip", label="Area slug")
    rating = django_filters.MultipleChoiceFilter(choices=Rating.choices, method="_skip")
    status = django_filters.MultipleChoiceFilter(choices=EntryStatus.choices, method="_skip")
    register = django_filters.ChoiceFilter(choices=Register.choices, method="_skip")
    age_band = django_filters.ChoiceFilter(choices=[(k, v[2]) for k, v in rules.AGE_BANDS.items()], method="_skip")
    review = django_filters.ChoiceFilter(choices=[("overdue", "Overdue"), ("due", "Due soon")], method="_skip")
    keyworker = django_filters.ChoiceFilter(choices=[("yes", "Allocated"), ("no", "Not allocated")], method="_skip")
    consent_due = django_filters.BooleanFilter(method="_skip")
    nearing_adults = django_filters.BooleanFilter(method="_skip")
    flagged = django_filters.BooleanFilter(method="_skip")

    class Meta:
        model = RegisterEntry
        fields: list = []

    def __init__(self, *args, area_ids: list[int], areas_by_slug: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.area_ids = area_ids
        self.areas_by_slug = areas_by_slug

    def _skip(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        area_ids = self.area_ids
        if data.get("area"):
            if data["area"] not in self.areas_by_slug:
                raise ValidationError({"area": "Not one of your areas."})
            area_ids = [self.areas_by_slug[data["area"]]]
        filters = RegisterFilters(
            area_ids=area_ids,
            ratings=data.get("rating") or [],
            statuses=data.get("status") or [],
            register=data.get("register") or "",
            age_band=data.get("age_band") or "",
            review=data.get("review") or "",
            keyworker=data.get("keyworker") or "",
            consent_due=bool(data.get("consent_due")),
            nearing_adults=bool(data.get("nearing_adults")),
            flagged_for_removal=bool(data.get("flagged")),
            query=data.get("q") or "",
        )
        return filter_entries(annotated_entries(queryset), filters)
