"""Form rendering in NHS.UK frontend markup: every `{{ form }}` gets labels, hints, error
messages and an error summary in the design system's classes."""

from django.forms.renderers import TemplatesSetting


class NhsukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
