"""The register list as CSV and XLSX: the page's filters, the keeper's areas, audited."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AccessLogEntry
from dsr.models import Rating
from tests.factories import entry


def test_the_csv_has_the_filtered_rows(holder_client, dsr_holder_thurrock):
    red = entry(family_name="Redperson", rating=Rating.RED, nhs_number="9434765919")
    entry(family_name="Greenperson", rating=Rating.GREEN)
    response = holder_client.get(reverse("dsr:export", args=["csv"]), {"rating": "red"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Disposition"].startswith('attachment; filename="register-all-areas-')
    assert rows[0][:3] == ["Area", "Given name", "Family name"]
    assert [row[2] for row in rows[1:]] == ["Redperson"]
    assert rows[1][5] == "9434765919"
    log = AccessLogEntry.objects.get(user=dsr_holder_thurrock, kind="export")
    assert log.record_ids == [red.id]


def test_the_xlsx_has_the_same_rows(holder_client):
    entry(family_name="Inexcel", rating=Rating.AMBER)
    response = holder_client.get(reverse("dsr:area-export", args=["thurrock", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content))["Register"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][2] == "Inexcel"
    assert values[1][8] == "Amber"


def test_text_that_a_spreadsheet_would_run_is_neutralised(holder_client):
    entry(family_name="=HYPERLINK(1)")
    rows = list(csv.reader(io.StringIO(holder_client.get(reverse("dsr:export", args=["csv"])).content.decode())))
    assert rows[1][2] == "'=HYPERLINK(1)"


def test_only_dsr_holders_export_and_only_their_areas(signed_in, keyworker_thurrock, chair_thurrock, dsr_holder_newham):
    entry(family_name="Thurrockonly")
    assert signed_in(keyworker_thurrock).get(reverse("dsr:export", args=["csv"])).status_code == 404
    assert signed_in(chair_thurrock).get(reverse("dsr:export", args=["csv"])).status_code == 404
    newham = signed_in(dsr_holder_newham)
    assert newham.get(reverse("dsr:area-export", args=["thurrock", "csv"])).status_code == 404
    assert "Thurrockonly" not in newham.get(reverse("dsr:export", args=["csv"])).content.decode()
