"""What the C(E)TR views share: form responses and dates."""

from django.template.response import TemplateResponse
from django.utils import timezone


def form_page(request, template: str, context: dict):
    """Render a page with a form: 400 when the form has errors, so bad input is never a 200."""
    form = context.get("form")
    return TemplateResponse(request, template, context, status=400 if form is not None and form.errors else 200)


def today():
    return timezone.localdate()
