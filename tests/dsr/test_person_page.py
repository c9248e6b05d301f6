"""The person page: the whole record for those who may see it, the summary for keyworkers,
404 elsewhere; change history and who viewed it; a fixed number of queries."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessLogEntry
from dsr.models import Contact, Rating
from dsr.models.consent import ConsentBasis
from dsr.services.consents import consent_record
from dsr.services.contacts import contact_add
from dsr.services.entries import entry_update_content
from dsr.services.episodes import episode_admit
from dsr.services.ratings import rating_record
from tests.factories import entry

TODAY = timezone.localdate()


def _page(client, person_id):
    return client.get(reverse("dsr:person", args=[person_id]))


@pytest.fixture
def record():
    opened = entry(rating=Rating.AMBER, nhs_number="9434765919")
    entry_update_content(entry=opened, opened_version=opened.version, current_issues="canary-thurrock issues")
    return opened


def test_a_dsr_holder_sees_the_whole_record(holder_client, record):
    page = _page(holder_client, record.person_id).content.decode()
    assert "canary-thurrock issues" in page
    assert "9434765919" in page
    assert "Rating history" in page
    assert "Change history" in page
    assert "Who viewed this record" in page


def test_an_mdt_chair_sees_the_whole_record_too(signed_in, chair_thurrock, record):
    assert "canary-thurrock issues" in _page(signed_in(chair_thurrock), record.person_id).content.decode()


def test_a_keyworker_sees_only_the_summary(signed_in, keyworker_thurrock, record):
    response = _page(signed_in(keyworker_thurrock), record.person_id)
    page = response.content.decode()
    assert response.status_code == 200
    assert record.person.full_name in page
    assert "Amber" in page
    assert "canary-thurrock" not in page
    assert "9434765919" not in page


def test_another_areas_person_answers_404(signed_in, dsr_holder_newham, record):
    assert _page(signed_in(dsr_holder_newham), record.person_id).status_code == 404


def test_a_commissioner_gets_404(signed_in, commissioner_thurrock, record):
    assert _page(signed_in(commissioner_thurrock), record.person_id).status_code == 404


def test_the_view_is_access_logged_and_shown_under_who_viewed_it(holder_client, dsr_holder_thurrock, record):
    _page(holder_client, record.person_id)
    log = AccessLogEntry.objects.get(user=dsr_holder_thurrock, kind="detail")
    assert log.person_ids == [record.person_id]
    second = _page(holder_client, record.person_id).content.decode()
    assert "Viewed a record: register record" in second


def test_the_change_history_shows_who_changed_what(holder_client, dsr_holder_thurrock, record):
    holder_client.post(
        reverse("dsr:case-edit", args=[record.person_id]),
        {"current_issues": "New issues", "tried": "", "could_help": "", "action_plan": "", "version": record.version},
    )
    page = _page(holder_client, record.person_id).content.decode()
    assert "register entry: update" in page.lower()
    assert dsr_holder_thurrock.display_name in page
    assert "New issues" in page


def test_people_from_17_and_a_half_are_flagged_on_their_page(holder_client):
    nearly = entry(date_of_birth=TODAY - relativedelta(years=17, months=7))
    assert "17½: adults&#x27; register soon" in _page(holder_client, nearly.person_id).content.decode() or (
        "17½: adults' register soon" in _page(holder_client, nearly.person_id).content.decode()
    )


def _enrich(opened, user, count: int):
    for number in range(count):
        contact_add(person=opened.person, kind=Contact.Kind.FAMILY, name=f"Relative {number}")
        rating_record(
            entry=opened,
            rating=Rating.RED if number % 2 else Rating.AMBER,
            reason=f"Decision {number}",
            decided_on=TODAY,
            decided_by=user,
        )
        consent_record(
            entry=opened,
            basis=ConsentBasis.PARENTAL,
            given_by=f"Parent {number}",
            recorded_on=TODAY,
            recorded_by=user,
        )
    episode_admit(person=opened.person, admitted_on=TODAY, hospital="Synthetic", section="s2", recorded_by=user)


@pytest.mark.parametrize("count", [1, 12])
def test_the_person_page_takes_the_same_number_of_queries_however_much_is_recorded(
    holder_client, dsr_holder_thurrock, django_assert_num_queries, count
):
    opened = entry(date_of_birth=date(2012, 1, 1))
    _enrich(opened, dsr_holder_thurrock, count)
    _page(holder_client, opened.person_id)  # the access log then has a row to show as well
    with django_assert_num_queries(QUERIES_PERSON_PAGE):
        assert _page(holder_client, opened.person_id).status_code == 200


QUERIES_PERSON_PAGE = 24
