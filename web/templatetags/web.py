"""Template helpers for the NHS.UK page shell."""

from django import forms, template

register = template.Library()


@register.filter
def is_choice_list(field) -> bool:
    """Radios and checkbox lists sit in a fieldset with a legend, not behind a label."""
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)
