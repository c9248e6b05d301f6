"""URL converters: a dashboard's scope ("all", "areas/<slug>", "partnerships/<code>") and a
month ("2025-03")."""

from datetime import date

from django.urls import register_converter


class ScopeConverter:
    regex = r"all|areas/[-a-z0-9]+|partnerships/[-a-z0-9]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class MonthConverter:
    regex = r"\d{4}-\d{2}"

    def to_python(self, value: str) -> date:
        year, month = value.split("-")
        try:
            return date(int(year), int(month), 1)
        except ValueError as error:
            raise ValueError("not a month") from error

    def to_url(self, value) -> str:
        return value if isinstance(value, str) else f"{value:%Y-%m}"


# Registered once, on first import (by urls.py or api_urls.py).
register_converter(ScopeConverter, "scope")
register_converter(MonthConverter, "month")
