"""Importing a register spreadsheet: template, dry run with row-by-row errors and duplicates,
all-or-nothing commit, audit, and a 5,000-row file in well under a minute."""

import csv
import io
import time

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from dsr import imports
from dsr.models import ConsentRecord, Contact, Person, RatingChange, RegisterEntry, RegisterImport
from dsr.nhs_numbers import synthetic_nhs_number
from tests.factories import area, person

IMPORT = reverse("dsr:import", args=["thurrock"])
HEADINGS = [column.heading for column in imports.COLUMNS]


def _row(number: int, **overrides) -> dict:
    row = {
        "Given name": f"Given{number}",
        "Family name": f"Imported{number:05d}",
        "Date of birth": "17/05/2012",
        "NHS number": synthetic_nhs_number(50_000 + number * 3),
        "Postcode": "RM17 6SL",
        "Diagnosis": "Autism",
        "EHC plan": "Yes",
        "Status": "Active",
        "Rating": ["Red", "Amber", "Green", "Blue"][number % 4],
        "Rating date": "01/09/2025",
        "Consent basis": "Parental responsibility",
        "Consent given by": "Parent",
        "Consent date": "01/09/2025",
        "Keyworker": "Kay Worker" if number % 2 else "",
        "Notes": "From the sheet",
    }
    return row | overrides


def _csv(rows) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADINGS)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("register.csv", out.getvalue().encode(), content_type="text/csv")


def _xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append([row.get(heading, "") for heading in HEADINGS])
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("register.xlsx", out.getvalue())


def _dry_run(client, upload):
    return client.post(IMPORT, {"file": upload})


def _commit(client, dry_run_response):
    token = dry_run_response.content.decode().split('name="token" value="')[1].split('"')[0]
    return client.post(IMPORT, {"token": token})


def test_the_templates_download_with_the_columns(holder_client):
    text = holder_client.get(reverse("dsr:import-template", args=["csv"])).content.decode()
    assert text.splitlines()[0].split(",")[:4] == ["Given name", "Family name", "Preferred name", "Date of birth"]
    workbook = load_workbook(io.BytesIO(holder_client.get(reverse("dsr:import-template", args=["xlsx"])).content))
    assert [cell.value for cell in workbook["Register"][1]] == HEADINGS


def test_a_dry_run_writes_nothing_and_a_commit_imports_everything(holder_client, dsr_holder_thurrock):
    check = _dry_run(holder_client, _csv([_row(1), _row(2)]))
    assert check.status_code == 200
    assert "No errors" in check.content.decode()
    assert not Person.objects.exists()
    response = _commit(holder_client, check)
    assert response.status_code == 302
    imported = RegisterEntry.objects.select_related("person").get(person__family_name="Imported00001")
    assert (imported.area, imported.status, imported.current_rating) == (area("thurrock"), "active", "amber")
    assert imported.next_review_due is not None
    assert ConsentRecord.objects.filter(entry=imported, basis="parental").exists()
    assert Contact.objects.filter(person=imported.person, name="Kay Worker", relationship="Keyworker").exists()
    assert "Notes (imported): From the sheet" in imported.current_issues


def test_xlsx_files_are_read_too(holder_client):
    check = _dry_run(holder_client, _xlsx([_row(1)]))
    assert check.status_code == 200
    _commit(holder_client, check)
    assert Person.objects.count() == 1


def test_errors_are_shown_row_by_row_and_nothing_can_be_committed(holder_client):
    rows = [
        _row(1),
        _row(2, **{"Date of birth": "31/02/2012"}),
        _row(3, **{"NHS number": "9434765918"}),
        _row(4, **{"Rating": "Purple", "Diagnosis": ""}),
        _row(5, **{"Consent basis": "Capacitous"}),  # 13 years old: not on this basis
    ]
    response = _dry_run(holder_client, _csv(rows))
    page = response.content.decode()
    assert response.status_code == 400
    assert "4 rows with errors" in page
    assert "is not a date" in page
    assert "fails the check digit" in page
    assert "“Purple” is not one of the choices" in page
    assert "Gillick" in page
    assert 'name="token"' not in page
    assert not Person.objects.exists()


def test_duplicates_are_reported(holder_client):
    person("newham", nhs_number=synthetic_nhs_number(50_003), given_name="Held", family_name="Elsewhere")
    person("thurrock", given_name="Given9", family_name="Imported00009", date_of_birth="2012-05-17")
    person("thurrock", given_name="Givven8", family_name="Importedd00008", date_of_birth="2012-05-17")
    rows = [
        _row(1),
        _row(2, **{"NHS number": _row(1)["NHS number"]}),
        _row(8, **{"NHS number": ""}),
        _row(9, **{"NHS number": ""}),
    ]
    page = _dry_run(holder_client, _csv(rows)).content.decode()
    assert "a record is held by Newham" in page
    assert "Elsewhere" not in page
    assert "NHS number repeats row 2" in page
    assert "Possible duplicate: Givven8 Importedd00008" in page
    assert "Given9 Imported00009 with this date of birth is already on your register" in page


def test_a_file_without_the_required_columns_is_refused(holder_client):
    upload = SimpleUploadedFile("x.csv", b"Name,Age\nA,3\n")
    response = _dry_run(holder_client, upload)
    assert response.status_code == 400
    assert "Columns missing: Given name, Family name, Date of birth, Diagnosis" in response.content.decode()


def test_other_file_types_are_refused(holder_client):
    response = _dry_run(holder_client, SimpleUploadedFile("x.pdf", b"%PDF"))
    assert "Choose a CSV file (.csv) or an Excel workbook (.xlsx)" in response.content.decode()


def test_the_commit_is_all_or_nothing(holder_client):
    check = _dry_run(holder_client, _csv([_row(1), _row(2)]))
    # Someone adds the second row's person between the dry run and the commit.
    person("thurrock", nhs_number=_row(2)["NHS number"], given_name="Meanwhile")
    response = _commit(holder_client, check)
    assert response.status_code == 400
    assert "Nothing was imported" in response.content.decode()
    assert list(Person.objects.values_list("given_name", flat=True)) == ["Meanwhile"]


def test_every_imported_row_is_audited(holder_client, dsr_holder_thurrock):
    _commit(holder_client, _dry_run(holder_client, _csv([_row(1), _row(2)])))
    record = RegisterImport.objects.get()
    people = Person.objects.order_by("id")
    assert (record.imported_by, record.row_count, record.person_ids) == (dsr_holder_thurrock, 2, [p.id for p in people])
    events = apps.get_model("dsr", "PersonEvent").objects.filter(pgh_obj__in=people, pgh_label="insert")
    assert events.count() == 2
    for event in events:
        assert event.pgh_context.metadata["register_import"] == str(record.reference)
        assert event.pgh_context.metadata["user"] == dsr_holder_thurrock.id


def test_only_dsr_holders_of_the_area_import(signed_in, keyworker_thurrock, dsr_holder_newham):
    assert signed_in(keyworker_thurrock).get(IMPORT).status_code == 404
    assert signed_in(dsr_holder_newham).post(IMPORT, {"file": _csv([_row(1)])}).status_code == 404
    assert not Person.objects.exists()


def test_a_token_from_another_user_or_expired_does_nothing(holder_client):
    response = holder_client.post(IMPORT, {"token": "made-up"})
    assert response.status_code == 302
    assert not Person.objects.exists()


def test_a_5000_row_file_imports_in_under_a_minute(holder_client):
    upload = _csv([_row(number) for number in range(5000)])
    started = time.monotonic()
    check = _dry_run(holder_client, upload)
    checked = time.monotonic()
    response = _commit(holder_client, check)
    finished = time.monotonic()
    assert response.status_code == 302
    assert Person.objects.count() == 5000
    assert RatingChange.objects.count() == 5000
    print(f"\n5,000 rows: dry run {checked - started:.1f}s, commit {finished - checked:.1f}s")  # noqa: T201 - reported
    assert finished - started < 60
