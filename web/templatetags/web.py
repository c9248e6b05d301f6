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


@register.simple_tag(takes_context=True)
def page_query(context, param: str, number: int) -> str:
    """The current query string with `param` set to `number`: a page link keeps the filters
    and, where one page holds two lists, the other list's page."""
    query = context["request"].GET.copy()
    query.pop(param, None)
    query[param] = number
    return f"?{query.urlencode()}"
