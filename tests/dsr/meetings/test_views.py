"""The meeting pages end to end: plan, build the agenda, start, discuss, act, close, feed back,
print and amend; with the role boundaries, another area's 404 and pinned query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from areas.roles import Role
from dsr.meetings import selectors, services
from dsr.models import Allocation, Meeting, MeetingFeedback, MinutesAmendment, Rating
from dsr.models.entry import RemovalReason
from dsr.models.meeting import ItemStatus
from dsr.services.entries import entry_remove
from tests.factories import area, entry, user_with_roles
from tests.keyworking.factories import TODAY, eligible_entry


@pytest.fixture
def meeting(chair):
    return services.meeting_plan(area=area("thurrock"), held_on=TODAY, chair=chair, planned_by=chair)


def _detail(meeting):
    return reverse("dsr:meetings:detail", args=[meeting.pk])


def test_a_chair_runs_a_meeting_end_to_end(signed_in, chair, keyworker):
    case = eligible_entry(given_name="Casey", rating=Rating.AMBER)
    client = signed_in(chair)
    response = client.post(reverse("dsr:meetings:plan", args=["thurrock"]), {"held_on": TODAY, "chair": chair.pk})
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("dsr:meetings:attendee-add", args=[meeting.pk]), {"name": "Dr Example", "organisation": "CAMHS"}
    )
    client.post(reverse("dsr:meetings:agenda-build", args=[meeting.pk]))
    client.post(reverse("dsr:meetings:start", args=[meeting.pk]))
    item = meeting.items.get()
    response = client.post(
        reverse("dsr:meetings:item", args=[meeting.pk, item.pk]),
        {
            "rating": "red",
            "rating_reason": "Escalating",
            "notes": "Discussed canary-thurrock",
            "keyworking_decision": "allocate",
            "keyworker": keyworker.pk,
        },
    )
    assert response.status_code == 302
    client.post(
        reverse("dsr:meetings:action-add", args=[meeting.pk, item.pk]),
        {"description": "Book a C(E)TR", "owner": keyworker.pk, "due_on": TODAY + timedelta(days=5)},
    )
    client.post(reverse("dsr:meetings:close", args=[meeting.pk]))
    client.post(
        reverse("dsr:meetings:feedback", args=[meeting.pk]),
        {"item": item.pk, "recipient": "family", "given_on": TODAY, "method": "phone"},
    )
    client.post(reverse("dsr:meetings:amendment-add", args=[meeting.pk]), {"item": item.pk, "text": "Spelling fixed"})
    meeting.refresh_from_db()
    item.refresh_from_db()
    case.refresh_from_db()
    assert meeting.status == "closed"
    assert meeting.attendees.count() == 2
    assert (item.status, case.current_rating) == (ItemStatus.DISCUSSED, Rating.RED)
    assert Allocation.objects.get(person_id=case.person_id).keyworker == keyworker
    assert item.actions.get().owner == keyworker
    assert MeetingFeedback.objects.get().recipient == "family"
    assert MinutesAmendment.objects.get().text == "Spelling fixed"
    record = client.get(reverse("dsr:meetings:record", args=[meeting.pk])).content.decode()
    assert "Discussed canary-thurrock" in record
    assert "Book a C(E)TR" in record
    assert "Spelling fixed" in record


def test_after_the_close_the_discussion_form_is_gone(signed_in, chair, meeting):
    eligible_entry()
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = services.meeting_start(meeting=meeting, started_by=chair)
    meeting = services.meeting_close(meeting=meeting, closed_by=chair)
    item = meeting.items.get()
    client = signed_in(chair)
    page = client.get(reverse("dsr:meetings:item", args=[meeting.pk, item.pk])).content.decode()
    assert "The minutes are locked" in page
    assert "Save the discussion" not in page
    response = client.post(reverse("dsr:meetings:item", args=[meeting.pk, item.pk]), {"notes": "Rewrite"})
    assert response.status_code == 400
    assert "locked" in response.content.decode()


def test_bad_input_answers_400_with_messages(signed_in, chair, meeting):
    client = signed_in(chair)
    response = client.post(reverse("dsr:meetings:plan", args=["thurrock"]), {"held_on": "not a date"})
    assert response.status_code == 400
    response = client.post(reverse("dsr:meetings:attendee-add", args=[meeting.pk]), {"name": ""})
    assert response.status_code == 400
    assert "external attendee" in response.content.decode()


def test_a_dsr_holder_reads_meetings_but_cannot_run_them(signed_in, dsr_holder_thurrock, chair, meeting):
    client = signed_in(dsr_holder_thurrock)
    assert client.get(_detail(meeting)).status_code == 200
    assert client.post(reverse("dsr:meetings:start", args=[meeting.pk])).status_code == 404
    assert client.post(reverse("dsr:meetings:plan", args=["thurrock"]), {"held_on": TODAY}).status_code == 404


def test_keyworkers_do_not_see_meetings(signed_in, keyworker, meeting):
    client = signed_in(keyworker)
    assert client.get(reverse("dsr:meetings:list")).status_code == 404
    assert client.get(_detail(meeting)).status_code == 404


def test_another_areas_chair_gets_404(signed_in, chair_newham, meeting):
    client = signed_in(chair_newham)
    for name in ("detail", "record", "feedback"):
        assert client.get(reverse(f"dsr:meetings:{name}", args=[meeting.pk])).status_code == 404
    assert client.post(reverse("dsr:meetings:close", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("dsr:meetings:plan", args=["thurrock"])).status_code == 404
    assert _detail(meeting) not in client.get(reverse("dsr:meetings:list")).content.decode()


def test_the_agenda_page_takes_the_same_queries_for_one_case_or_many(
    signed_in, chair, keyworker, meeting, django_assert_num_queries
):
    eligible_entry(given_name="First")
    services.agenda_build(meeting=meeting, built_by=chair)
    client = signed_in(chair)
    with CaptureQueriesContext(connection) as one:
        client.get(_detail(meeting))
    assert len(one.captured_queries) <= 25
    for name in ("Second", "Third", "Fourth"):
        eligible_entry(given_name=name)
    services.agenda_build(meeting=meeting, built_by=chair)
    meeting = services.meeting_start(meeting=meeting, started_by=chair)
    for item in meeting.items.select_related("meeting"):
        services.action_add(item=item, description="Call", due_on=TODAY, owner=chair, created_by=chair)
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(_detail(meeting)).status_code == 200


def test_the_meeting_list_takes_the_same_queries_for_one_meeting_or_many(
    signed_in, chair, meeting, django_assert_num_queries
):
    client = signed_in(chair)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("dsr:meetings:list"))
    assert len(one.captured_queries) <= 20
    for days in (7, 14, 21):
        services.meeting_plan(
            area=area("thurrock"), held_on=TODAY + timedelta(days=days), chair=chair, planned_by=chair
        )
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(reverse("dsr:meetings:list")).status_code == 200


def test_a_chair_in_two_areas_sees_both_and_the_area_column(signed_in, meeting):
    both = user_with_roles("chair.both", {"thurrock": [Role.MDT_CHAIR], "newham": [Role.MDT_CHAIR]})
    services.meeting_plan(area=area("newham"), held_on=TODAY, chair=both, planned_by=both)
    page = signed_in(both).get(reverse("dsr:meetings:list")).content.decode()
    assert "Thurrock" in page
    assert "Newham" in page


def _find(client, meeting, text):
    return client.get(_detail(meeting), {"find": text}).content.decode()


def _add_urgent(client, meeting, **data):
    return client.post(reverse("dsr:meetings:agenda-add", args=[meeting.pk]), data)


def test_the_urgent_search_finds_by_name_and_nhs_number_in_the_meetings_area_only(signed_in, chair, meeting):
    entry(given_name="Bramble", family_name="Hawthorn", nhs_number="9434765919")
    entry("newham", given_name="Bramble", family_name="Elsewhere")
    client = signed_in(chair)
    assert "Bramble Hawthorn" in _find(client, meeting, "bramble")
    assert "Bramble Hawthorn" in _find(client, meeting, "943 476 5919")
    assert "Elsewhere" not in _find(client, meeting, "bramble")


def test_the_urgent_search_lists_nobody_until_asked_and_says_when_nobody_matches(signed_in, chair, meeting):
    entry(given_name="Bramble", family_name="Hawthorn")
    client = signed_in(chair)
    page = client.get(_detail(meeting)).content.decode()
    assert "Name, NHS number or date of birth" in page
    assert "Bramble Hawthorn" not in page
    assert 'name="entry"' not in page
    page = _find(client, meeting, "Zebedee")
    assert "matches &ldquo;Zebedee&rdquo;" in page
    assert " open>" in page  # the search stays open to try again


def test_posting_a_match_puts_it_at_the_top_of_the_agenda(signed_in, chair, meeting):
    eligible_entry(given_name="Routine")
    services.agenda_build(meeting=meeting, built_by=chair)
    urgent = entry(given_name="Bramble", family_name="Hawthorn")
    response = _add_urgent(signed_in(chair), meeting, find="bramble", entry=urgent.pk, note="Placement breaking down")
    assert response.status_code == 302
    top = meeting.items.order_by("position").first()
    assert (top.entry_id, top.urgent_note) == (urgent.pk, "Placement breaking down")


def test_a_refused_urgent_post_shows_the_error_and_the_same_matches(signed_in, chair, meeting):
    urgent = entry(given_name="Bramble", family_name="Hawthorn")
    response = _add_urgent(signed_in(chair), meeting, find="bramble", entry=urgent.pk, note="")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Bramble Hawthorn" in page
    assert 'value="bramble"' in page
    assert not meeting.items.exists()


def test_another_areas_or_a_closed_entry_cannot_be_posted(signed_in, chair, meeting):
    elsewhere = entry("newham", given_name="Bramble", family_name="Elsewhere")
    closed = entry_remove(entry=entry(given_name="Closed"), reason=RemovalReason.RISK_REDUCED)
    client = signed_in(chair)
    for forged in (elsewhere.pk, closed.pk, "not a number"):
        response = _add_urgent(client, meeting, find="bramble", entry=forged, note="Forged")
        assert response.status_code == 400
        assert "Choose a person on this area&#x27;s register" in response.content.decode()
    assert not meeting.items.exists()


def test_the_urgent_search_takes_the_same_queries_for_one_match_or_many(
    signed_in, chair, meeting, django_assert_num_queries
):
    entry(given_name="Bramble", family_name="First")
    client = signed_in(chair)
    with CaptureQueriesContext(connection) as one:
        assert "Bramble First" in _find(client, meeting, "bramble")
    for family_name in ("Second", "Third", "Fourth", "Fifth"):
        entry(given_name="Bramble", family_name=family_name)
        entry(given_name="Someone", family_name=family_name + "else")
    with django_assert_num_queries(len(one.captured_queries)):
        assert "Bramble Fifth" in _find(client, meeting, "bramble")


def test_the_urgent_search_says_when_it_shows_only_the_first_matches(signed_in, chair, meeting):
    for number in range(selectors.URGENT_MATCH_LIMIT + 1):
        entry(given_name="Bramble", family_name=f"Hawthorn{number:02d}")
    entry(given_name="Quince", family_name="Alone")
    client = signed_in(chair)
    page = _find(client, meeting, "bramble")
    assert page.count('name="entry"') == selectors.URGENT_MATCH_LIMIT
    assert f"Showing the first {selectors.URGENT_MATCH_LIMIT} matches" in page
    assert "Showing the first" not in _find(client, meeting, "quince")
