"""The register list as CSV and XLSX: the same rows and order as the page's filters give."""

import csv
import io

from openpyxl import Workbook

from dsr.models import Rating

HEADINGS = [
    "Area",
    "Given name",
    "Family name",
    "Date of birth",
    "Age",
    "NHS number",
    "Register",
    "Status",
    "Rating",
    "Rating since",
    "Next review due",
    "Consent re-check due",
    "Keyworker",
    "Nearing adults' register",
    "Flagged for removal",
]


def _cells(row, today) -> list:
    person = row.person
    return [
        row.area.name,
        person.given_name,
        person.family_name,
        person.date_of_birth,
        person.age_on(today),
        person.nhs_number or "",
        row.get_register_display(),
        row.get_status_display(),
        Rating(row.current_rating).short if row.current_rating else "",
        row.rating_since or "",
        row.next_review_due or "",
        row.consent_review_due if row.consent_kind == "given" else "",
        row.keyworker_name or "",
        "Yes" if row.nearing_adults else "",
        "Yes" if row.flagged_for_removal else "",
    ]


def _safe(value):
    """Text that a spreadsheet would run as a formula is written as plain text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def register_csv(rows, *, today) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    for row in rows:
        writer.writerow(
            [
                _safe(cell) if not hasattr(cell, "isoformat") else cell.strftime("%d/%m/%Y")
                for cell in _cells(row, today)
            ]
        )
    return out.getvalue()


def register_xlsx(rows, *, today) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append([_safe(cell) for cell in _cells(row, today)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
