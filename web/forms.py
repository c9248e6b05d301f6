"""Form rendering in NHS.UK frontend markup: every `{{ form }}` gets labels, hints, error
messages and an error summary in the design system's classes; the widgets and checks
several forms share."""

from django import forms
from django.core.validators import MinValueValidator
from django.forms.renderers import TemplatesSetting


class NhsukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DateInput(forms.DateInput):
    """The browser's date picker. Its value must be ISO (YYYY-MM-DD) whatever the locale: a
    value in the locale's format (dd/mm/yyyy) is dropped, so a form shown again would lose it."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker: ISO too (YYYY-MM-DDTHH:MM), in local time (the
    form field converts an aware value before the widget formats it)."""

    input_type = "datetime-local"
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]  # the picker's, and typed by hand

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def require_at_least_one(form, names, message: str = "Enter 1 or more") -> None:
    """Make the named number fields refuse 0 (and below) with `message`: counts of days, weights
    and limits where the model column would hold 0 but the rule it feeds means nothing at 0."""
    for name in names:
        field = form.fields[name]
        field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
        field.validators.append(MinValueValidator(1, message=message))
        field.widget.attrs["min"] = 1
