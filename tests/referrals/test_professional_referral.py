"""Professionals with an account refer from inside the service, to any area."""

import pytest
from django.urls import reverse

from referrals.models import Referral, ReferrerRelationship, Source
from tests.factories import area
from tests.referrals.factories import public_answers, referral

NEW = reverse("referrals:new")
MINE = reverse("referrals:mine")


def _answers(**changes):
    answers = public_answers(referrer_organisation="Demo CAMHS", area="newham") | changes
    answers.pop("referrer_relationship")
    answers.pop("extra_comments")
    return answers


def test_a_keyworker_refers_to_the_area_where_the_young_person_lives(signed_in, keyworker_thurrock):
    client = signed_in(keyworker_thurrock)
    response = client.post(NEW, _answers(area="newham"))
    assert response.status_code == 302
    stored = Referral.objects.get()
    assert (stored.area, stored.source, stored.referred_by) == (area("newham"), Source.IN_APP, keyworker_thurrock)
    assert stored.referrer_relationship == ReferrerRelationship.PROFESSIONAL


def test_the_form_starts_with_the_professionals_own_details(signed_in, keyworker_thurrock):
    page = signed_in(keyworker_thurrock).get(NEW).content.decode()
    assert keyworker_thurrock.email in page


def test_bad_answers_are_explained_and_nothing_is_stored(signed_in, keyworker_thurrock):
    response = signed_in(keyworker_thurrock).post(NEW, _answers(area="", nhs_number="123", referrer_organisation=""))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Choose the area where the young person lives" in text
    assert "10 digits" in text
    assert "Enter the organisation you work for" in text
    assert not Referral.objects.exists()


def test_the_referrer_sees_the_status_of_their_referrals_and_nothing_else(signed_in, keyworker_thurrock):
    client = signed_in(keyworker_thurrock)
    client.post(NEW, _answers(area="newham", concerns="canary-newham"))
    referral("thurrock", given_name="Someoneelses")
    page = client.get(MINE).content.decode()
    mine = Referral.objects.get(referred_by=keyworker_thurrock)
    assert mine.reference in page
    assert "Newham" in page
    assert "canary-newham" not in page
    assert Referral.objects.get(given_name="Someoneelses").reference not in page


@pytest.mark.parametrize("who", ["commissioner_thurrock", "no_role_user", "ig_lead_thurrock"])
def test_people_without_a_care_role_cannot_refer_here(signed_in, request, who):
    client = signed_in(request.getfixturevalue(who))
    assert client.get(NEW).status_code == 404
    assert client.post(NEW, _answers()).status_code == 404
    assert client.get(MINE).status_code == 404
    assert not Referral.objects.exists()
