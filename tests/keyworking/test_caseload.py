"""My caseload, the case page and the person summary: keyworkers see their own cases in full,
only the register summary of others, never another area's, and never edit the register."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessLogEntry
from dsr.models import Rating
from keyworking.services.contacts import contact_record
from tests.keyworking.factories import TODAY, allocated, eligible_entry

CASELOAD = reverse("keyworking:caseload")


@pytest.fixture
def own_case(keyworker):
    case = eligible_entry(given_name="Own", current_issues="Own issues canary-thurrock")
    return allocated(case, keyworker, on=TODAY - timedelta(days=10))


@pytest.fixture
def colleagues_case(other_keyworker):
    return allocated(eligible_entry(given_name="Colleagues", current_issues="Hidden issues"), other_keyworker)


def _contact(allocation, author, days_ago: int):
    contact_record(
        allocation=allocation,
        author=author,
        occurred_at=timezone.now() - timedelta(days=days_ago, minutes=1),
        mode="phone",
        with_whom=["parent_carer"],
        duration_minutes=10,
    )


def test_my_caseload_lists_only_my_open_cases(signed_in, keyworker, own_case, colleagues_case):
    page = signed_in(keyworker).get(CASELOAD).content.decode()
    assert "Own Testperson" in page
    assert "Colleagues" not in page


def test_my_caseload_puts_what_needs_attention_first(signed_in, keyworker):
    calm = allocated(eligible_entry(given_name="Amberly", rating=Rating.AMBER, days_ago=5), keyworker)
    urgent = allocated(eligible_entry(given_name="Bluebell", rating=Rating.BLUE, days_ago=5), keyworker)
    _contact(calm, keyworker, 0)
    _contact(urgent, keyworker, 0)
    page = signed_in(keyworker).get(CASELOAD).content.decode()
    assert page.index("Bluebell") < page.index("Amberly")


def test_the_caseload_logs_the_people_shown(signed_in, keyworker, own_case):
    signed_in(keyworker).get(CASELOAD)
    logged = AccessLogEntry.objects.get(record_type="allocation")
    assert logged.person_ids == [own_case.person_id]


def test_the_caseload_page_takes_the_same_queries_for_one_case_or_many(signed_in, keyworker, django_assert_num_queries):
    client = signed_in(keyworker)
    allocated(eligible_entry(given_name="First"), keyworker)
    client.get(CASELOAD)  # settings rows made on first use
    with CaptureQueriesContext(connection) as one:
        client.get(CASELOAD)
    assert len(one.captured_queries) <= 20
    for name in ("Second", "Third", "Fourth"):
        case = allocated(eligible_entry(given_name=name), keyworker)
        _contact(case, keyworker, 1)
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(CASELOAD).status_code == 200


def test_the_case_page_shows_the_register_case_content_to_its_keyworker(signed_in, keyworker, own_case):
    response = signed_in(keyworker).get(reverse("keyworking:case", args=[own_case.pk]))
    assert response.status_code == 200
    assert "Own issues canary-thurrock" in response.content.decode()


def test_a_keyworker_cannot_open_a_colleagues_case(signed_in, keyworker, colleagues_case):
    assert signed_in(keyworker).get(reverse("keyworking:case", args=[colleagues_case.pk])).status_code == 404


def test_another_areas_keyworker_gets_404(signed_in, keyworker_newham, own_case):
    assert signed_in(keyworker_newham).get(reverse("keyworking:case", args=[own_case.pk])).status_code == 404


def test_a_senior_practitioner_sees_every_case_in_their_area(signed_in, senior, own_case, colleagues_case):
    client = signed_in(senior)
    for case in (own_case, colleagues_case):
        assert client.get(reverse("keyworking:case", args=[case.pk])).status_code == 200


def test_others_on_the_register_show_only_their_summary_to_a_keyworker(signed_in, keyworker, colleagues_case):
    response = signed_in(keyworker).get(reverse("keyworking:person", args=[colleagues_case.person_id]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Colleagues Testperson" in page
    assert "Red" in page
    assert "Hidden issues" not in page


def test_a_keyworker_opening_their_own_person_goes_to_the_whole_case(signed_in, keyworker, own_case):
    response = signed_in(keyworker).get(reverse("keyworking:person", args=[own_case.person_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("keyworking:case", args=[own_case.pk])


def test_a_keyworker_cannot_edit_register_entries_even_for_their_own_case(signed_in, keyworker, own_case):
    entry = own_case.entry
    response = signed_in(keyworker).post(
        reverse("dsr:case-edit", args=[own_case.person_id]),
        {"current_issues": "Changed by keyworker", "version": entry.version},
    )
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.current_issues == "Own issues canary-thurrock"


def test_a_keyworker_cannot_allocate(signed_in, keyworker):
    case = eligible_entry()
    response = signed_in(keyworker).post(reverse("keyworking:allocate", args=[case.pk]), {"keyworker": keyworker.pk})
    assert response.status_code == 404


def test_the_case_page_takes_the_same_queries_with_one_contact_or_many(
    signed_in, keyworker, own_case, django_assert_num_queries
):
    client = signed_in(keyworker)
    _contact(own_case, keyworker, 1)
    url = reverse("keyworking:case", args=[own_case.pk])
    client.get(url)  # settings rows made on first use
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    assert len(one.captured_queries) <= 30
    for days in (2, 3, 4):
        _contact(own_case, keyworker, days)
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200
