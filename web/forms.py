"""Form rendering in NHS.UK frontend markup: every `{{ form }}` gets labels, hints, error
messages and an error summary in the design system's classes; and checks several forms share."""

from django.core.validators import MinValueValidator
from django.forms.renderers import TemplatesSetting


class NhsukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


def require_at_least_one(form, names, message: str = "Enter 1 or more") -> None:
    """Make the named number fields refuse 0 (and below) with `message`: counts of days, weights
    and limits where the model column would hold 0 but the rule it feeds means nothing at 0."""
    for name in names:
        field = form.fields[name]
        field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
        field.validators.append(MinValueValidator(1, message=message))
        field.widget.attrs["min"] = 1
