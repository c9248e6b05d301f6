"""The coordinator's pages: the area overview, requesting, recording and viewing a review."""

from datetime import timedelta

from django.urls import reverse

from areas.selectors import settings_for
from audit.models import AccessLogEntry
from cetr.models import CetrSettings, PanelRole, Review
from cetr.services.actions import action_add, recommendation_add
from cetr.services.panel import panel_member_add
from tests.cetr.factories import TODAY, admit, held_review, register_entry, review

AREA = reverse("cetr:area", args=["thurrock"])


def _review_url(made):
    return reverse("cetr:review", args=[made.pk])


def test_the_coordinator_sees_the_areas_reviews_and_inpatients_due(signed_in, coordinator):
    in_hand = review(register_entry(given_name="Robin").person)
    inpatient = register_entry(given_name="Morgan").person
    admit(inpatient, admitted_on=TODAY - timedelta(days=1))
    page = signed_in(coordinator).get(AREA).content.decode()
    assert reverse("cetr:review", args=[in_hand.pk]) in page
    assert "Robin Testperson" in page
    assert "Morgan Testperson" in page
    assert "Post-admission C(E)TR" in page


def test_the_area_page_of_another_area_answers_404(signed_in, coordinator_newham):
    assert signed_in(coordinator_newham).get(AREA).status_code == 404


def test_roles_without_cetr_access_get_404(signed_in, keyworker, commissioner):
    assert signed_in(keyworker).get(AREA).status_code == 404
    assert signed_in(commissioner).get(reverse("cetr:index")).status_code == 404


def test_the_dsr_holder_may_read_but_not_record(signed_in, dsr_holder_thurrock):
    made = review(register_entry().person)
    client = signed_in(dsr_holder_thurrock)
    assert client.get(_review_url(made)).status_code == 200
    assert client.get(reverse("cetr:review-record", args=[made.pk])).status_code == 404
    assert client.get(reverse("cetr:review-new", args=["thurrock"])).status_code == 404


def test_the_area_page_query_count_does_not_grow_with_rows(signed_in, coordinator, django_assert_num_queries):
    client = signed_in(coordinator)
    review(register_entry().person)
    admit(register_entry().person)
    client.get(AREA)  # first use makes the area's settings
    with django_assert_num_queries(28):
        client.get(AREA)
    for _ in range(3):
        review(register_entry().person)
        admit(register_entry().person)
    with django_assert_num_queries(28):
        client.get(AREA)


def test_the_area_pages_two_lists_page_separately(signed_in, coordinator):
    reviews = [review(register_entry().person) for _ in range(26)]
    inpatients = [
        admit(register_entry().person, admitted_on=TODAY - timedelta(days=40 - n)).person for n in range(26)
    ]  # the last admitted is due last
    client = signed_in(coordinator)
    first = client.get(AREA).content.decode()
    second = client.get(AREA, {"reviews": 2, "inpatients": 2}).content.decode()
    latest_review, latest_inpatient = _review_url(reviews[-1]), reverse("cetr:person", args=[inpatients[-1].pk])
    assert latest_review not in first
    assert latest_inpatient not in first
    assert latest_review in second
    assert latest_inpatient in second
    assert _review_url(reviews[0]) not in second
    # Each list's links keep the other list's page.
    assert 'href="?inpatients=2&amp;reviews=1"' in second
    assert 'href="?reviews=2&amp;inpatients=1"' in second


def test_requesting_a_review_links_the_admission_and_logs_nothing_extra(signed_in, coordinator):
    person = register_entry().person
    episode = admit(person)
    response = signed_in(coordinator).post(
        reverse("cetr:review-new", args=["thurrock"]),
        {"person": person.pk, "kind": "post_admission", "requested_on": TODAY.isoformat()},
    )
    made = Review.objects.get()
    assert response.status_code == 302
    assert (made.episode, made.created_by) == (episode, coordinator)


def test_requesting_a_review_for_another_areas_person_is_refused(signed_in, coordinator):
    outsider = register_entry("newham").person
    response = signed_in(coordinator).post(
        reverse("cetr:review-new", args=["thurrock"]),
        {"person": outsider.pk, "kind": "community", "requested_on": TODAY.isoformat()},
    )
    assert response.status_code == 400
    assert "Choose a person on this area&#x27;s register" in response.content.decode()
    assert not Review.objects.exists()


def test_bad_input_answers_400_with_the_services_reason(signed_in, coordinator):
    person = register_entry().person
    response = signed_in(coordinator).post(
        reverse("cetr:review-new", args=["thurrock"]),
        {"person": person.pk, "kind": "post_admission", "requested_on": TODAY.isoformat()},
    )
    assert response.status_code == 400
    assert "No current admission is recorded" in response.content.decode()


def test_recording_the_review_shows_the_preparation_deadlines(signed_in, coordinator):
    made = review(register_entry().person)
    client = signed_in(coordinator)
    when = TODAY + timedelta(days=21)
    response = client.post(
        reverse("cetr:review-record", args=[made.pk]),
        {"scheduled_at": f"{when.isoformat()}T10:00", "venue": "Synthetic Room"},
    )
    assert response.status_code == 302
    page = client.get(_review_url(made)).content.decode()
    assert f"To send by {(when - timedelta(days=14)):%A %-d %B %Y}" in page
    assert "Synthetic Room" in page


def test_recording_a_future_held_date_answers_400(signed_in, coordinator):
    made = review(register_entry().person)
    response = signed_in(coordinator).post(
        reverse("cetr:review-record", args=[made.pk]), {"held_on": (TODAY + timedelta(days=2)).isoformat()}
    )
    assert response.status_code == 400
    assert "cannot be recorded as held on a future date" in response.content.decode()


def test_another_areas_review_answers_404(signed_in, coordinator_newham):
    made = review(register_entry().person)
    client = signed_in(coordinator_newham)
    assert client.get(_review_url(made)).status_code == 404
    assert client.post(reverse("cetr:review-record", args=[made.pk]), {"venue": "x"}).status_code == 404


def test_the_review_page_is_logged_and_its_query_count_is_fixed(signed_in, coordinator, django_assert_num_queries):
    made = held_review(register_entry().person)
    panel_member_add(review=made, role=PanelRole.CHAIR, name="Chair")
    _recommendation_with_actions(made, actions=1)
    client = signed_in(coordinator)
    client.get(_review_url(made))
    assert AccessLogEntry.objects.filter(record_type="C(E)TR", record_ids=[made.pk]).exists()
    with django_assert_num_queries(21):
        client.get(_review_url(made))
    for n, role in enumerate((PanelRole.CLINICAL_EXPERT, PanelRole.EXPERT_BY_EXPERIENCE)):
        panel_member_add(review=made, role=role, name=f"Member {n}")
    for _ in range(3):
        _recommendation_with_actions(made, actions=2)
    with django_assert_num_queries(21):
        client.get(_review_url(made))


def _recommendation_with_actions(made, *, actions: int) -> None:
    recommendation = recommendation_add(review=made, text="A recommendation")
    for m in range(actions):
        action_add(
            recommendation=recommendation,
            description=f"Action {m}",
            owner_name="Pat",
            owner_organisation="Org",
            due_on=TODAY,
        )


def test_adding_a_recommendation_needs_text(signed_in, coordinator):
    made = held_review(register_entry().person)
    response = signed_in(coordinator).post(reverse("cetr:recommendation-add", args=[made.pk]), {"text": ""})
    assert response.status_code == 400
    assert "Write the recommendation" in response.content.decode()


def test_the_menu_shows_cetrs_to_coordinators_and_cetr_actions_to_keyworkers(signed_in, coordinator, keyworker):
    assert 'href="/cetr/"' in signed_in(coordinator).get("/").content.decode()
    keyworker_page = signed_in(keyworker).get("/").content.decode()
    assert "C(E)TR actions" in keyworker_page
    assert 'href="/cetr/"' not in keyworker_page


def test_every_coordinator_form_page_renders(signed_in, coordinator):
    made = held_review(register_entry().person)
    recommendation = recommendation_add(review=made, text="Something")
    episode = admit(register_entry().person)
    client = signed_in(coordinator)
    for url in (
        reverse("cetr:settings", args=["thurrock"]),
        reverse("cetr:review-new", args=["thurrock"]),
        reverse("cetr:emergency-new", args=["thurrock"]),
        reverse("cetr:owners", args=["thurrock"]),
        reverse("cetr:review-record", args=[made.pk]),
        reverse("cetr:review-cancel", args=[made.pk]),
        reverse("cetr:panel-add", args=[made.pk]),
        reverse("cetr:action-new", args=[recommendation.pk]),
        reverse("cetr:root-cause", args=[episode.pk]),
        reverse("cetr:panels"),
    ):
        assert client.get(url).status_code == 200, url


def test_an_area_sets_its_own_clocks_and_bad_numbers_answer_400(signed_in, coordinator, coordinator_newham):
    from cetr.services.settings import EDITABLE_FIELDS
    from tests.factories import area

    url = reverse("cetr:settings", args=["thurrock"])
    values = {name: getattr(settings_for(CetrSettings, area("thurrock").id), name) for name in EDITABLE_FIELDS}
    client = signed_in(coordinator)
    assert client.post(url, values | {"post_admission_child_working_days": 0}).status_code == 400
    assert client.post(url, values | {"post_admission_child_working_days": 10}).status_code == 302
    assert settings_for(CetrSettings, area("thurrock").id).post_admission_child_working_days == 10
    assert settings_for(CetrSettings, area("newham").id).post_admission_child_working_days == 5
    assert signed_in(coordinator_newham).post(url, values).status_code == 404


def test_adding_a_panel_member_with_an_unknown_username_answers_400(signed_in, coordinator):
    made = review(register_entry().person)
    response = signed_in(coordinator).post(
        reverse("cetr:panel-add", args=[made.pk]), {"role": "chair", "name": "Casey", "username": "ghost"}
    )
    assert response.status_code == 400
    assert "There is no active account with that username" in response.content.decode()
