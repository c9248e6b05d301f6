"""The consent gate: panel members from outside the area open a review's case papers only
while a consent or best-interests decision stands, and are told why when they cannot."""

from datetime import timedelta

import pytest
from django.urls import reverse

from audit.models import AccessLogEntry
from cetr.models import PanelRole
from cetr.services.panel import panel_member_add, paper_add
from cetr.services.reviews import review_record
from dsr.services.consents import consent_withdraw
from tests.cetr.factories import TODAY, consent, register_entry, review, staff
from tests.factories import area, user_with_roles


@pytest.fixture
def expert():
    """An independent expert by experience: an account, but no role in any area."""
    return user_with_roles("expert")


@pytest.fixture
def gated_review(expert):
    register = register_entry(given_name="Zephyrine", family_name="Gated")
    made = review(register.person)
    paper_add(review=made, title="Care plan", body="Synthetic plan canary-thurrock", added_by=staff())
    panel_member_add(
        review=made, role=PanelRole.EXPERT_BY_EXPERIENCE, name="Sam Expert", user=expert, papers_access=True
    )
    made.register = register
    return made


def _papers(made):
    return reverse("cetr:papers", args=[made.pk])


def test_before_consent_an_outside_panel_member_is_refused_and_told_why(signed_in, expert, gated_review):
    response = signed_in(expert).get(_papers(gated_review))
    page = response.content.decode()
    assert response.status_code == 403
    assert "No consent or best-interests decision is recorded" in page
    assert "Zephyrine" not in page
    assert "Synthetic plan" not in page


def test_once_consent_is_recorded_the_panel_member_opens_the_papers(signed_in, expert, gated_review):
    consent(gated_review.register)
    response = signed_in(expert).get(_papers(gated_review))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Zephyrine Gated" in page
    assert "Synthetic plan canary-thurrock" in page


def test_a_withdrawn_consent_shuts_the_gate_again(signed_in, expert, gated_review):
    consent(gated_review.register)
    consent_withdraw(entry=gated_review.register, withdrawn_by="Parent", recorded_on=TODAY, recorded_by=staff())
    assert signed_in(expert).get(_papers(gated_review)).status_code == 403


def test_a_consent_past_its_recheck_date_shuts_the_gate(signed_in, expert, gated_review):
    consent(gated_review.register, recorded_on=TODAY - timedelta(days=400))
    response = signed_in(expert).get(_papers(gated_review))
    assert response.status_code == 403
    assert "re-checked" in response.content.decode()


def test_a_member_of_another_areas_staff_is_gated_the_same_way(signed_in, commissioner_newham, gated_review):
    panel_member_add(
        review=gated_review, role=PanelRole.CHAIR, name="Peer", user=commissioner_newham, papers_access=True
    )
    client = signed_in(commissioner_newham)
    assert client.get(_papers(gated_review)).status_code == 403
    consent(gated_review.register)
    assert client.get(_papers(gated_review)).status_code == 200
    # Only the papers: the review page itself stays another area's record.
    assert client.get(reverse("cetr:review", args=[gated_review.pk])).status_code == 404


def test_without_access_on_this_review_the_papers_are_not_found(signed_in, gated_review):
    consent(gated_review.register)
    linked_without_access = user_with_roles("linked")
    panel_member_add(review=gated_review, role=PanelRole.CHAIR, name="No access", user=linked_without_access)
    stranger = user_with_roles("stranger")
    assert signed_in(linked_without_access).get(_papers(gated_review)).status_code == 404
    assert signed_in(stranger).get(_papers(gated_review)).status_code == 404


def test_the_papers_close_to_the_panel_once_the_report_is_issued(signed_in, expert, gated_review):
    consent(gated_review.register)
    review_record(review=gated_review, held_on=TODAY, report_issued_on=TODAY)
    response = signed_in(expert).get(_papers(gated_review))
    assert response.status_code == 403
    assert "review is finished" in response.content.decode()


def test_the_coordinator_always_sees_the_papers_with_a_warning_while_the_gate_is_shut(
    signed_in, coordinator, gated_review
):
    page = signed_in(coordinator).get(_papers(gated_review)).content.decode()
    assert "Panel members cannot open these papers yet" in page
    assert "Synthetic plan" in page


def test_a_panel_members_reading_is_logged_in_the_reviews_area(signed_in, expert, gated_review):
    consent(gated_review.register)
    signed_in(expert).get(_papers(gated_review))
    logged = AccessLogEntry.objects.get(user=expert)
    assert (logged.area, logged.record_ids, logged.person_ids) == (
        area("thurrock"),
        [gated_review.pk],
        [gated_review.person_id],
    )


def test_a_panel_member_cannot_add_papers(signed_in, expert, gated_review):
    consent(gated_review.register)
    signed_in(expert).post(_papers(gated_review), {"title": "Mine", "body": "Not allowed"})
    assert gated_review.papers.count() == 1


def test_the_coordinator_adds_a_paper_and_bad_input_answers_400(signed_in, coordinator, gated_review):
    client = signed_in(coordinator)
    assert client.post(_papers(gated_review), {"title": "", "body": ""}).status_code == 400
    assert client.post(_papers(gated_review), {"title": "Risk summary", "body": "Synthetic"}).status_code == 302
    assert gated_review.papers.count() == 2


def test_another_areas_coordinator_gets_404(signed_in, coordinator_newham, gated_review):
    assert signed_in(coordinator_newham).get(_papers(gated_review)).status_code == 404


def test_the_panel_members_list_shows_the_review_but_not_the_person(signed_in, expert, gated_review):
    page = signed_in(expert).get(reverse("cetr:panels")).content.decode()
    assert _papers(gated_review) in page
    assert "Zephyrine" not in page


def test_the_papers_page_query_count_is_fixed(signed_in, expert, gated_review, django_assert_num_queries):
    consent(gated_review.register)
    client = signed_in(expert)
    with django_assert_num_queries(31):
        client.get(_papers(gated_review))
    for n in range(4):
        paper_add(review=gated_review, title=f"Paper {n}", body="Synthetic", added_by=staff())
        panel_member_add(review=gated_review, role=PanelRole.OTHER, role_detail="Advocate", name=f"Member {n}")
    with django_assert_num_queries(31):
        client.get(_papers(gated_review))


def test_the_coordinators_papers_page_query_count_is_fixed(
    signed_in, coordinator, gated_review, django_assert_num_queries
):
    client = signed_in(coordinator)
    with django_assert_num_queries(19):
        client.get(_papers(gated_review))
    for n in range(4):
        paper_add(review=gated_review, title=f"Paper {n}", body="Synthetic", added_by=staff())
    with django_assert_num_queries(19):
        client.get(_papers(gated_review))


def test_the_review_page_tells_the_coordinator_whether_the_gate_is_open(signed_in, coordinator, gated_review):
    client = signed_in(coordinator)
    review_url = reverse("cetr:review", args=[gated_review.pk])
    assert "Panel members cannot open the case papers yet" in client.get(review_url).content.decode()
    consent(gated_review.register)
    assert "Panel members cannot open the case papers yet" not in client.get(review_url).content.decode()


def test_the_areas_own_commissioner_chairing_reaches_only_the_papers_and_only_after_consent(
    signed_in, commissioner, gated_review
):
    panel_member_add(review=gated_review, role=PanelRole.CHAIR, name="Chair", user=commissioner, papers_access=True)
    client = signed_in(commissioner)
    assert client.get(_papers(gated_review)).status_code == 403
    consent(gated_review.register)
    assert client.get(_papers(gated_review)).status_code == 200
    assert client.get(reverse("cetr:review", args=[gated_review.pk])).status_code == 404
