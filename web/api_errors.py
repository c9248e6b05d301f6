"""API errors: a domain rule broken in a service (django ValidationError) answers 400 with
field errors, like a serializer's own validation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

# The schema's documentation of those answers, for endpoints' extend_schema(responses=...).
FIELD_ERRORS = OpenApiResponse(description="Bad input: field errors, {field: [messages]}")
NOT_FOUND = OpenApiResponse(description="Not found, or not yours to see (the same answer for both)")


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    return drf_exception_handler(exc, context)
