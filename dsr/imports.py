"""Reading a register spreadsheet (CSV or XLSX) into checked rows, and the template to fill in.

The columns are the ones DSR holders keep today. Reading never writes: it gives each row's
cleaned values, its errors, and possible duplicates, for the dry run; the commit
(dsr.services.imports) takes only a file with no errors.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from areas.models import Area
from areas.rls import system_scope
from dsr import rules
from dsr.models import Diagnosis, Person, Rating
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus
from dsr.nhs_numbers import normalise_nhs_number, validate_nhs_number
from dsr.register_list import parse_birth_date
from dsr.selectors import NAME_SIMILARITY

MAX_ROWS = 20_000
MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    heading: str
    key: str
    example: str
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS = [
    Column("Given name", "given_name", "Alex", ("first name", "forename"), required=True),
    Column("Family name", "family_name", "Example", ("surname", "last name"), required=True),
    Column("Preferred name", "preferred_name", ""),
    Column("Date of birth", "date_of_birth", "17/05/2012", ("dob", "birth date"), required=True),
    Column("NHS number", "nhs_number", "999 000 0018", ("nhs no", "nhs no.")),
    Column("Postcode", "postcode", "RM17 6SL", ("post code",)),
    Column("Address", "address", ""),
    Column("Diagnosis", "diagnosis", "Autism", (), required=True),
    Column("EHC plan", "has_ehc_plan", "Yes", ("ehcp", "ehc plan (yes/no)")),
    Column("Looked after", "looked_after", "No", ("lac", "cla")),
    Column("Education setting", "education_setting", ""),
    Column("Status", "status", "Active"),
    Column("Date added", "added_on", "01/09/2025", ("date added to register", "added")),
    Column("Rating", "rating", "Amber", ("rag", "rag rating")),
    Column("Rating date", "rating_date", "01/09/2025", ("rag date",)),
    Column("Rating reason", "rating_reason", "", ("rag reason",)),
    Column("Consent basis", "consent_basis", "Parental responsibility", ("consent",)),
    Column("Consent given by", "consent_given_by", "Parent"),
    Column("Consent date", "consent_date", "01/09/2025"),
    Column("Keyworker", "keyworker", "", ("keyworker name",)),
    Column("Current issues", "current_issues", ""),
    Column("Notes", "notes", ""),
]
_BY_HEADING = {alias: column for column in COLUMNS for alias in (column.heading.lower(), *column.aliases)}

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}
_DIAGNOSES = {
    "learning disability": Diagnosis.LEARNING_DISABILITY,
    "ld": Diagnosis.LEARNING_DISABILITY,
    "autism": Diagnosis.AUTISM,
    "asd": Diagnosis.AUTISM,
    "autistic": Diagnosis.AUTISM,
    "both": Diagnosis.BOTH,
    "ld and autism": Diagnosis.BOTH,
    "learning disability and autism": Diagnosis.BOTH,
    "autism and learning disability": Diagnosis.BOTH,
}
_STATUSES = {status.label.lower(): status for status in EntryStatus if status != EntryStatus.REMOVED} | {
    "": EntryStatus.ACTIVE
}
_RATINGS = {rating.value: rating for rating in Rating} | {rating.short.lower(): rating for rating in Rating}
_BASES = {
    "capacitous": ConsentBasis.CAPACITOUS,
    "own consent": ConsentBasis.CAPACITOUS,
    "self": ConsentBasis.CAPACITOUS,
    "gillick": ConsentBasis.GILLICK,
    "gillick competent": ConsentBasis.GILLICK,
    "parental": ConsentBasis.PARENTAL,
    "parental responsibility": ConsentBasis.PARENTAL,
    "parent": ConsentBasis.PARENTAL,
    "best interests": ConsentBasis.BEST_INTERESTS,
    "best-interests decision": ConsentBasis.BEST_INTERESTS,
    "best interests decision": ConsentBasis.BEST_INTERESTS,
}


@dataclass
class ImportRow:
    number: int  # the spreadsheet's row number (the heading is row 1)
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.values.get('given_name', '')} {self.values.get('family_name', '')}".strip()


@dataclass
class ImportCheck:
    rows: list[ImportRow]
    problems: list[str] = field(default_factory=list)  # about the file as a whole

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors) + len(self.problems)

    @property
    def warning_count(self) -> int:
        return sum(1 for row in self.rows if row.warnings)

    @property
    def can_commit(self) -> bool:
        return bool(self.rows) and self.error_count == 0


# --- The template ------------------------------------------------------------------------------


def template_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.heading for column in COLUMNS])
    writer.writerow([column.example for column in COLUMNS])
    return out.getvalue()


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Register"
    sheet.append([column.heading for column in COLUMNS])
    sheet.append([column.example for column in COLUMNS])
    guide = workbook.create_sheet("How to fill it in")
    guide.append(["Column", "Required", "What to write"])
    for column in COLUMNS:
        guide.append([column.heading, "yes" if column.required else "", _GUIDE.get(column.key, "")])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


_GUIDE = {
    "date_of_birth": "A date, as 17/05/2012",
    "nhs_number": "10 digits, if known",
    "diagnosis": "Learning disability, Autism, or Both",
    "has_ehc_plan": "Yes or No",
    "looked_after": "Yes or No",
    "status": "Referred, Under review, Accepted, Not accepted or Active (empty: Active)",
    "rating": "Red, Amber, Green or Blue (empty: not rated yet)",
    "rating_date": "A date; empty: the date added",
    "consent_basis": "Capacitous, Gillick, Parental responsibility or Best interests (empty: none recorded)",
    "consent_date": "A date; needed with a consent basis",
    "keyworker": "Kept as a key professional contact",
    "notes": "Kept with the current issues",
}


# --- Reading -----------------------------------------------------------------------------------


def read_table(name: str, content: bytes) -> list[list]:
    """The rows of a CSV or XLSX file as lists of cells (the first is the heading)."""
    if len(content) > MAX_BYTES:
        raise ValidationError("The file is larger than 10 MB. Split it into smaller files.")
    if name.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or mislabelled file
            raise ValidationError("The file could not be read as an Excel workbook (.xlsx).") from None
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        workbook.close()
        return rows
    if name.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
        return list(csv.reader(io.StringIO(text)))
    raise ValidationError("Choose a CSV file (.csv) or an Excel workbook (.xlsx).")


def check_file(*, area: Area, name: str, content: bytes, today: date | None = None) -> ImportCheck:
    """Read and check every row (the dry run). Nothing is written."""
    today = today or timezone.localdate()
    try:
        table = read_table(name, content)
    except ValidationError as error:
        return ImportCheck(rows=[], problems=error.messages)
    table = [row for row in table if any(cell not in (None, "") for cell in row)]
    if not table:
        return ImportCheck(rows=[], problems=["The file is empty."])
    headings = [str(cell or "").strip().lower() for cell in table[0]]
    columns = [_BY_HEADING.get(heading) for heading in headings]
    missing = [c.heading for c in COLUMNS if c.required and c not in columns]
    if missing:
        return ImportCheck(rows=[], problems=[f"Columns missing: {', '.join(missing)}. Use the template's headings."])
    if len(table) - 1 > MAX_ROWS:
        return ImportCheck(rows=[], problems=[f"The file has more than {MAX_ROWS:,} rows. Split it."])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        raw = {column.key: cells[i] for i, column in enumerate(columns) if column is not None and i < len(cells)}
        rows.append(_check_row(number, raw, today))
    _find_duplicates(area, rows)
    return ImportCheck(rows=rows)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value, label: str, row: ImportRow) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_birth_date(_text(value))
    if parsed is None:
        row.errors.append(f"{label}: “{_text(value)}” is not a date (write it as 17/05/2012)")
    return parsed


def _choice(value, mapping: dict, label: str, row: ImportRow):
    text = _text(value).lower()
    if text in mapping:
        return mapping[text]
    row.errors.append(f"{label}: “{_text(value)}” is not one of the choices")
    return None


def _yes_no(value, label: str, row: ImportRow) -> bool:
    text = _text(value).lower()
    if text in _YES:
        return True
    if text not in _NO:
        row.errors.append(f"{label}: write Yes or No")
    return False


def _check_row(number: int, raw: dict, today: date) -> ImportRow:
    row = ImportRow(number)
    values = row.values
    for key in ("given_name", "family_name", "preferred_name", "postcode", "address", "education_setting"):
        values[key] = _text(raw.get(key))[: 200 if key == "address" else 100]
    values["postcode"] = values["postcode"].upper()[:8]
    for key, label in (("given_name", "Given name"), ("family_name", "Family name")):
        if not values[key]:
            row.errors.append(f"{label} is missing")
    values["date_of_birth"] = _date(raw.get("date_of_birth"), "Date of birth", row)
    if values["date_of_birth"] is None and not any(e.startswith("Date of birth") for e in row.errors):
        row.errors.append("Date of birth is missing")
    elif values["date_of_birth"] and values["date_of_birth"] > today:
        row.errors.append("Date of birth is in the future")
    nhs = normalise_nhs_number(_text(raw.get("nhs_number")))
    if nhs:
        try:
            validate_nhs_number(nhs)
        except ValidationError as error:
            row.errors.append(f"NHS number: {error.messages[0]}")
    values["nhs_number"] = nhs or None
    values["diagnosis"] = _choice(raw.get("diagnosis"), _DIAGNOSES, "Diagnosis", row)
    values["has_ehc_plan"] = _yes_no(raw.get("has_ehc_plan"), "EHC plan", row)
    values["looked_after"] = _yes_no(raw.get("looked_after"), "Looked after", row)
    values["status"] = _choice(raw.get("status"), _STATUSES, "Status", row)
    values["added_on"] = _date(raw.get("added_on"), "Date added", row) or today
    _check_rating(raw, row, today)
    _check_consent(raw, row)
    values["keyworker"] = _text(raw.get("keyworker"))[:200]
    issues, notes = _text(raw.get("current_issues")), _text(raw.get("notes"))
    values["current_issues"] = "\n\n".join(part for part in (issues, notes and f"Notes (imported): {notes}") if part)
    return row


def _check_rating(raw: dict, row: ImportRow, today: date) -> None:
    values = row.values
    text = _text(raw.get("rating")).lower()
    values["rating"] = _choice(raw.get("rating"), _RATINGS, "Rating", row) if text else ""
    values["rating_date"] = _date(raw.get("rating_date"), "Rating date", row) or values["added_on"]
    values["rating_reason"] = _text(raw.get("rating_reason")) or "Rating from the imported register"
    if values["rating"] and values["status"] == EntryStatus.NOT_ACCEPTED:
        row.errors.append("Rating: someone not accepted onto the register cannot have a rating")
    if values["rating_date"] and values["rating_date"] > today:
        row.errors.append("Rating date is in the future")


def _check_consent(raw: dict, row: ImportRow) -> None:
    values = row.values
    text = _text(raw.get("consent_basis")).lower()
    values["consent_basis"] = _choice(raw.get("consent_basis"), _BASES, "Consent basis", row) if text else ""
    values["consent_given_by"] = _text(raw.get("consent_given_by"))[:200]
    values["consent_date"] = _date(raw.get("consent_date"), "Consent date", row)
    if not values["consent_basis"]:
        return
    if values["consent_date"] is None:
        row.errors.append("Consent date is missing (needed with a consent basis)")
        return
    if not values["consent_given_by"]:
        values["consent_given_by"] = "Not recorded in the imported register"
    if values["date_of_birth"]:
        problem = rules.consent_basis_problem(values["consent_basis"], values["date_of_birth"], values["consent_date"])
        if problem:
            row.errors.append(f"Consent basis: {problem}")


def _find_duplicates(area: Area, rows: list[ImportRow]) -> None:
    """Errors for NHS numbers already held (here or elsewhere) or repeated in the file;
    warnings for close name and date-of-birth matches in the area or within the file."""
    numbers = {row.values["nhs_number"]: row for row in rows if row.values.get("nhs_number")}
    seen_numbers: dict[str, int] = {}
    seen_people: dict[tuple, int] = {}
    for row in rows:
        number = row.values.get("nhs_number")
        if number:
            if number in seen_numbers:
                row.errors.append(f"NHS number repeats row {seen_numbers[number]}")
            seen_numbers.setdefault(number, row.number)
        key = (row.values["given_name"].lower(), row.values["family_name"].lower(), row.values.get("date_of_birth"))
        if key in seen_people:
            row.warnings.append(f"Same name and date of birth as row {seen_people[key]}")
        seen_people.setdefault(key, row.number)
    if numbers:
        # Past the user's areas on purpose, as in dsr.selectors.duplicates: only area names leave.
        with system_scope():
            held = dict(Person.objects.filter(nhs_number__in=list(numbers)).values_list("nhs_number", "area_id"))
        names = dict(Area.objects.filter(id__in=set(held.values())).values_list("id", "name"))
        for number, area_id in held.items():
            if area_id == area.id:
                numbers[number].errors.append("NHS number: this person is already on your register")
            else:
                numbers[number].errors.append(
                    f"NHS number: a record is held by {names[area_id]}. Ask them to transfer it instead"
                )
    _close_matches(area, [row for row in rows if row.values.get("date_of_birth")])


def _close_matches(area: Area, rows: list[ImportRow]) -> None:
    """One query: people in the area with the same date of birth and a similar name (pg_trgm)."""
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT v.n, p.given_name, p.family_name
              FROM unnest(%s::int[], %s::text[], %s::text[], %s::date[]) AS v(n, given, family, born)
              JOIN {Person._meta.db_table} p ON p.area_id = %s AND p.date_of_birth = v.born
             WHERE similarity(lower(p.family_name), v.family) >= %s
                OR similarity(lower(p.given_name), v.given) >= %s
            """,
            [
                [row.number for row in rows],
                [row.values["given_name"].lower() for row in rows],
                [row.values["family_name"].lower() for row in rows],
                [row.values["date_of_birth"] for row in rows],
                area.id,
                NAME_SIMILARITY,
                NAME_SIMILARITY,
            ],
        )
        matches = cursor.fetchall()
    by_number = {row.number: row for row in rows}
    for number, given, family in matches:
        row = by_number[number]
        if (given.lower(), family.lower()) == (row.values["given_name"].lower(), row.values["family_name"].lower()):
            row.errors.append(f"{given} {family} with this date of birth is already on your register")
        else:
            row.warnings.append(f"Possible duplicate: {given} {family}, same date of birth, already here")
