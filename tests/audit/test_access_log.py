"""The access log: written per area for every read; searched by IG leads of that area only."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessLogEntry
from audit.services import Shown, access_record
from tests.factories import area

ACCESS_LOG = reverse("audit:access-log")


def _request(user, path="/people/1/", ip="198.51.100.7"):
    request = RequestFactory().get(path, REMOTE_ADDR=ip)
    request.user = user
    return request


def test_a_read_is_logged_once_per_area_with_who_what_where_and_from_where(dsr_holder_thurrock):
    thurrock, newham = area("thurrock").id, area("newham").id
    shown = [Shown(thurrock, 1, person_id=11), Shown(thurrock, 2, person_id=12), Shown(newham, 3, person_id=13)]
    access_record(
        _request(dsr_holder_thurrock), kind=AccessLogEntry.Kind.LIST, record_type="register entry", shown=shown
    )
    entries = {entry.area_id: entry for entry in AccessLogEntry.objects.all()}
    assert set(entries) == {thurrock, newham}
    entry = entries[thurrock]
    assert (entry.user, entry.kind, entry.record_ids, entry.person_ids) == (
        dsr_holder_thurrock,
        "list",
        [1, 2],
        [11, 12],
    )
    assert (entry.path, entry.method, entry.client_ip) == ("/people/1/", "GET", "198.51.100.7")


def test_api_reads_are_logged_as_api(dsr_holder_thurrock):
    request = _request(dsr_holder_thurrock, path="/api/v1/people/")
    access_record(request, kind=AccessLogEntry.Kind.LIST, record_type="person", shown=[Shown(area("thurrock").id, 1)])
    assert AccessLogEntry.objects.get().kind == AccessLogEntry.Kind.API


def test_nothing_shown_logs_nothing(dsr_holder_thurrock):
    access_record(_request(dsr_holder_thurrock), kind="list", record_type="person", shown=[])
    assert not AccessLogEntry.objects.exists()


@pytest.fixture
def log_in_both_areas(dsr_holder_thurrock):
    for slug, person in (("thurrock", 101), ("newham", 202)):
        access_record(
            _request(dsr_holder_thurrock),
            kind="detail",
            record_type=f"canary-{slug}",
            shown=[Shown(area(slug).id, person, person_id=person)],
        )


def test_an_ig_lead_sees_only_their_areas_log(signed_in, ig_lead_thurrock, log_in_both_areas):
    page = signed_in(ig_lead_thurrock).get(ACCESS_LOG).content.decode()
    assert "canary-thurrock" in page
    assert "canary-newham" not in page


def test_the_log_is_searchable_by_person(signed_in, ig_lead_thurrock, log_in_both_areas, dsr_holder_thurrock):
    access_record(
        _request(dsr_holder_thurrock),
        kind="detail",
        record_type="canary-other-person",
        shown=[Shown(area("thurrock").id, 5, person_id=5)],
    )
    page = signed_in(ig_lead_thurrock).get(ACCESS_LOG, {"person_id": 101}).content.decode()
    assert "canary-thurrock" in page
    assert "canary-other-person" not in page


def test_the_log_is_searchable_by_user_and_date(signed_in, ig_lead_thurrock, log_in_both_areas):
    client = signed_in(ig_lead_thurrock)
    today = timezone.localdate()
    found = client.get(ACCESS_LOG, {"username": "dsr.thurrock", "date_from": today, "date_to": today})
    assert "canary-thurrock" in found.content.decode()
    yesterday = today - timedelta(days=1)
    assert "canary-thurrock" not in client.get(ACCESS_LOG, {"date_to": yesterday}).content.decode()
    assert "canary-thurrock" not in client.get(ACCESS_LOG, {"username": "someone.else"}).content.decode()


def test_a_date_range_backwards_is_explained(signed_in, ig_lead_thurrock):
    today = timezone.localdate()
    response = signed_in(ig_lead_thurrock).get(ACCESS_LOG, {"date_from": today, "date_to": today - timedelta(days=3)})
    assert response.status_code == 400
    assert "The end date must be the same as or after the start date" in response.content.decode()


def test_users_without_the_ig_role_get_404(signed_in, dsr_holder_thurrock, area_admin_thurrock):
    assert signed_in(dsr_holder_thurrock).get(ACCESS_LOG).status_code == 404
    assert signed_in(area_admin_thurrock).get(ACCESS_LOG).status_code == 404
