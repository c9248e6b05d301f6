"""CSV and XLSX files of exactly the figures a dashboard shows (and of the monthly return):
aggregates only, already suppressed and rounded."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

from dashboards.disclosure import SUPPRESSED
from dashboards.figures import Dashboard, figure_list

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")

DASHBOARD_COLUMNS = ("scope", "section", "table", "counted", "column", "code", "month", "value", "provisional")
NOTES = (
    f"{SUPPRESSED} is a count from 1 to 7 (with the national default), or a figure hidden so that such a count "
    "cannot be worked out from the others.",
    "Other counts are rounded to the nearest 5 (with the national default); totals are rounded on their own, "
    "so parts may not add up to them exactly.",
    "– means there is no snapshot of the month. Averages are shown only when the count they are based on is.",
)


def dashboard_rows(board: Dashboard):
    for section, view, column, row, cell in figure_list(board):
        yield (
            board.scope.name,
            section.title,
            view.title,
            view.when,
            column.label,
            column.code,
            f"{row.month:%Y-%m}",
            cell.display,
            "yes" if row.provisional else "no",
        )


def _csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _xlsx(title: str, header, rows, notes=NOTES) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(list(header))
    for row in rows:
        sheet.append([_cell(value) for value in row])
    about = workbook.create_sheet("Notes")
    for note in notes:
        about.append([note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    """Numbers as numbers, so that spreadsheets can chart them; "*" and "–" as text."""
    if isinstance(value, str) and value.replace(".", "", 1).isdigit():
        return float(value) if "." in value else int(value)
    return value


def file_response(fmt: str, filename: str, title: str, header, rows) -> HttpResponse:
    rows = list(rows)
    if fmt == "csv":
        response = HttpResponse(_csv(header, rows), content_type=CSV_TYPE)
    else:
        response = HttpResponse(_xlsx(title, header, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
