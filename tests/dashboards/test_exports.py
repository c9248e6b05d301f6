"""CSV and XLSX exports show exactly the page's figures; the monthly return has its stable
column layout and the same suppression."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dashboards import monthly_return
from tests.dashboards.factories import MARCH, register_figures, snapshot


@pytest.fixture
def thurrock_march():
    return snapshot("thurrock", MARCH, register_figures(red=3, amber=20, green=35, new=12, removed=4))


def _export(client, fmt, scope="areas/thurrock", **query):
    url = reverse("dashboards:export", args=[scope, fmt])
    return client.get(url, query)


def _csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_has_the_same_figures_as_the_page(signed_in, commissioner_thurrock, thurrock_march):
    client = signed_in(commissioner_thurrock)
    page = client.get(reverse("dashboards:dashboard", args=["areas/thurrock"]))
    view = next(item["view"] for item in page.context["tables"] if item["view"].key == "register_rating")
    row = next(r for r in view.rows if r.month == MARCH)
    on_page = {column.code: cell.display for column, cell in zip(view.columns, row.cells, strict=True)}
    response = _export(client, "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    exported = {
        r["code"]: r["value"]
        for r in _csv_rows(response)
        if r["month"] == "2026-03" and r["table"] == "People on the register by rating"
    }
    assert exported == on_page
    assert exported["register.rating.red"] == "*"
    assert exported["register.total"] == "60"


def test_csv_covers_every_section_unless_one_is_chosen(signed_in, commissioner_thurrock, thurrock_march):
    client = signed_in(commissioner_thurrock)
    sections = {r["section"] for r in _csv_rows(_export(client, "csv"))}
    assert sections == {"Register", "Inpatients", "C(E)TRs", "Keyworking", "Referrals"}
    assert {r["section"] for r in _csv_rows(_export(client, "csv", section="referrals"))} == {"Referrals"}


def test_xlsx_has_the_same_figures_with_numbers_as_numbers(signed_in, commissioner_thurrock, thurrock_march):
    client = signed_in(commissioner_thurrock)
    csv_rows = _csv_rows(_export(client, "csv"))
    workbook = load_workbook(io.BytesIO(_export(client, "xlsx").content), read_only=True)
    rows = list(workbook["Dashboard"].iter_rows(values_only=True))
    assert rows[0] == tuple(csv_rows[0].keys())
    assert [str(value) for value in rows[1:][5]] == list(csv_rows[5].values())
    values = {row[5]: row[7] for row in rows[1:] if row[6] == "2026-03"}
    assert values["register.total"] == 60
    assert values["register.rating.red"] == "*"
    assert "Notes" in workbook.sheetnames


def test_exports_of_another_area_are_not_found(signed_in, commissioner_newham, thurrock_march):
    assert _export(signed_in(commissioner_newham), "csv").status_code == 404


def test_unknown_export_format_is_not_found(signed_in, commissioner_thurrock, thurrock_march):
    assert _export(signed_in(commissioner_thurrock), "pdf").status_code == 404


def test_bad_export_choices_answer_400(signed_in, commissioner_thurrock, thurrock_march):
    assert _export(signed_in(commissioner_thurrock), "csv", months="7").status_code == 400


def _return(client, fmt="csv", slug="thurrock", month="2026-03"):
    return client.get(reverse("dashboards:return", args=[slug, month, fmt]))


def test_monthly_return_has_the_documented_columns_in_order(signed_in, commissioner_thurrock, thurrock_march):
    rows = list(csv.reader(io.StringIO(_return(signed_in(commissioner_thurrock)).content.decode())))
    assert rows[0] == list(monthly_return.COLUMNS)
    assert rows[0][:7] == [
        "return_version",
        "area_ons_code",
        "area_name",
        "month",
        "snapshot_status",
        "snapshot_taken_at",
        "on_register",
    ]
    for column in monthly_return.COLUMNS:
        assert column in monthly_return.__doc__
    assert len(rows) == 2


def test_monthly_return_figures_match_the_dashboard(signed_in, commissioner_thurrock, thurrock_march):
    row = next(csv.DictReader(io.StringIO(_return(signed_in(commissioner_thurrock)).content.decode())))
    assert row["return_version"] == "1"
    assert row["area_ons_code"] == "E06000034"
    assert row["month"] == "2026-03"
    assert row["snapshot_status"] == "final"
    assert (row["on_register"], row["on_register_red"], row["on_register_amber"]) == ("60", "*", "20")
    assert (row["new_entries"], row["removals"]) == ("10", "*")
    assert row["keyworking_mean_hope_score"] == ""  # no hope scores recorded


def test_monthly_return_xlsx(signed_in, commissioner_thurrock, thurrock_march):
    workbook = load_workbook(io.BytesIO(_return(signed_in(commissioner_thurrock), "xlsx").content), read_only=True)
    rows = list(workbook["Monthly return"].iter_rows(values_only=True))
    assert list(rows[0]) == list(monthly_return.COLUMNS)
    assert rows[1][6] == 60


def test_monthly_return_of_a_month_without_snapshot_or_another_area_is_not_found(
    signed_in, commissioner_thurrock, commissioner_newham, thurrock_march
):
    assert _return(signed_in(commissioner_thurrock), month="2026-04").status_code == 404
    assert _return(signed_in(commissioner_newham)).status_code == 404
    assert _return(signed_in(commissioner_thurrock), month="2026-13").status_code == 404


def test_returns_page_lists_the_months(signed_in, commissioner_thurrock, thurrock_march, django_assert_num_queries):
    client = signed_in(commissioner_thurrock)
    response = client.get(reverse("dashboards:returns", args=["thurrock"]))
    assert response.status_code == 200
    assert b"March 2026" in response.content
