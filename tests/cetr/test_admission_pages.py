"""Admissions without a community C(E)TR, root-cause reviews, LAEP and blue-light meetings,
and a person's C(E)TR history."""

from datetime import timedelta

from django.urls import reverse

from cetr.models import EmergencyMeeting, Review, RootCauseReview
from cetr.services.meetings import emergency_meeting_record
from tests.cetr.factories import TODAY, action, admit, held_review, register_entry, staff

ADMISSIONS = reverse("cetr:admissions", args=["thurrock"])


def test_an_admission_without_a_community_review_is_listed_for_a_root_cause_review(signed_in, coordinator):
    flagged = admit(register_entry(given_name="Flagged").person)
    reviewed_first = register_entry(given_name="Reviewed").person
    held_review(reviewed_first, held_on=TODAY - timedelta(days=30))
    admit(reviewed_first)
    page = signed_in(coordinator).get(ADMISSIONS).content.decode()
    assert "Flagged Testperson" in page
    assert "Reviewed Testperson" not in page
    assert reverse("cetr:root-cause", args=[flagged.pk]) in page


def test_recording_the_root_cause_review(signed_in, coordinator):
    episode = admit(register_entry().person)
    client = signed_in(coordinator)
    response = client.post(
        reverse("cetr:root-cause", args=[episode.pk]),
        {"reviewed_on": TODAY, "why_no_community_review": "Out of hours", "findings": "A&E", "learning": "Rota"},
    )
    assert response.status_code == 302
    assert RootCauseReview.objects.get().episode == episode
    assert reverse("cetr:root-cause", args=[episode.pk]) not in client.get(ADMISSIONS).content.decode()


def test_a_root_cause_review_with_gaps_answers_400(signed_in, coordinator):
    episode = admit(register_entry().person)
    response = signed_in(coordinator).post(reverse("cetr:root-cause", args=[episode.pk]), {"reviewed_on": TODAY})
    assert response.status_code == 400
    assert "Say why no community C(E)TR was held" in response.content.decode()


def test_only_the_coordinator_records_root_cause_reviews_and_only_in_their_area(
    signed_in, dsr_holder_thurrock, coordinator_newham
):
    episode = admit(register_entry().person)
    assert signed_in(dsr_holder_thurrock).get(reverse("cetr:root-cause", args=[episode.pk])).status_code == 404
    assert signed_in(coordinator_newham).get(reverse("cetr:root-cause", args=[episode.pk])).status_code == 404
    assert signed_in(coordinator_newham).get(ADMISSIONS).status_code == 404


def test_the_admissions_list_query_count_is_fixed(signed_in, coordinator, django_assert_num_queries):
    client = signed_in(coordinator)
    admit(register_entry().person)
    client.get(ADMISSIONS)
    with django_assert_num_queries(17):
        client.get(ADMISSIONS)
    for _ in range(3):
        admit(register_entry().person)
    with django_assert_num_queries(17):
        client.get(ADMISSIONS)


def test_a_laep_meeting_is_recorded_apart_and_not_counted(signed_in, coordinator):
    person = register_entry().person
    client = signed_in(coordinator)
    response = client.post(
        reverse("cetr:emergency-new", args=["thurrock"]),
        {"person": person.pk, "kind": "laep", "held_on": TODAY, "outcome": "Admission agreed"},
    )
    assert response.status_code == 302
    assert (EmergencyMeeting.objects.count(), Review.objects.count()) == (1, 0)
    area_page = client.get(reverse("cetr:area", args=["thurrock"])).content.decode()
    assert "LAEP and blue-light meetings (not C(E)TRs, not counted above): 1" in area_page


def test_a_meeting_without_an_outcome_answers_400(signed_in, coordinator):
    person = register_entry().person
    response = signed_in(coordinator).post(
        reverse("cetr:emergency-new", args=["thurrock"]), {"person": person.pk, "kind": "laep", "held_on": TODAY}
    )
    assert response.status_code == 400
    assert "Record what the meeting decided" in response.content.decode()


def _history_url(person):
    return reverse("cetr:person", args=[person.pk])


def test_the_person_history_shows_reviews_admissions_and_meetings_apart(signed_in, coordinator):
    person = register_entry().person
    emergency_meeting_record(
        person=person,
        kind="blue_light",
        held_on=TODAY - timedelta(days=3),
        outcome="Blue light canary-thurrock",
        recorded_by=staff(),
    )
    admit(person, admitted_on=TODAY - timedelta(days=2))
    made = held_review(person, kind="post_admission", held_on=TODAY - timedelta(days=1))
    page = signed_in(coordinator).get(_history_url(person)).content.decode()
    assert reverse("cetr:review", args=[made.pk]) in page
    assert "Blue light canary-thurrock" in page
    assert "No community C(E)TR before it" in page


def test_another_areas_person_history_answers_404(signed_in, coordinator_newham, keyworker):
    person = register_entry().person
    assert signed_in(coordinator_newham).get(_history_url(person)).status_code == 404
    assert signed_in(keyworker).get(_history_url(person)).status_code == 404


def test_the_person_history_query_count_is_fixed(signed_in, coordinator, django_assert_num_queries):
    person = action().person
    emergency_meeting_record(person=person, kind="laep", held_on=TODAY, outcome="x", recorded_by=staff())
    client = signed_in(coordinator)
    with django_assert_num_queries(19):
        client.get(_history_url(person))
    for _ in range(3):
        action(person)
        emergency_meeting_record(person=person, kind="laep", held_on=TODAY, outcome="x", recorded_by=staff())
    with django_assert_num_queries(19):
        client.get(_history_url(person))
