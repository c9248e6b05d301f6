"""Per-area keyworking settings: those who manage the area's keyworking policy view and change
them; nobody else."""

from decimal import Decimal

from django.urls import reverse

from areas.selectors import settings_for
from keyworking.models import KeyworkingSettings
from tests.factories import area

SETTINGS = reverse("keyworking:settings", args=["thurrock"])
VALUES = {
    "weight_blue": 4,
    "weight_red": 3,
    "weight_amber": 2,
    "weight_green": 1,
    "contact_edit_hours": 24,
    "contact_due_days": 10,
    "review_days": 60,
    "spend_budget": "1500.00",
    "spend_item_limit": "150.00",
}


def _saved():
    saved = settings_for(KeyworkingSettings, area("thurrock").id)
    return saved.weight_blue, saved.spend_budget, saved.spend_item_limit


DEFAULTS = (3, Decimal("2000.00"), Decimal("100.00"))


def test_the_senior_practitioner_sees_the_current_values(signed_in, senior):
    page = signed_in(senior).get(SETTINGS).content.decode()
    assert 'value="48"' in page  # the national defaults
    assert 'value="2000.00"' in page


def test_a_valid_change_is_saved_and_confirmed(signed_in, senior):
    response = signed_in(senior).post(SETTINGS, VALUES, follow=True)
    assert response.redirect_chain == [(SETTINGS, 302)]
    assert "Keyworking settings for Thurrock saved." in response.content.decode()
    assert _saved() == (4, Decimal("1500.00"), Decimal("150.00"))


def test_the_page_says_who_last_changed_the_settings(signed_in, senior):
    client = signed_in(senior)
    assert "Last changed" not in client.get(SETTINGS).content.decode()  # still the national defaults
    page = client.post(SETTINGS, VALUES, follow=True).content.decode()
    assert f"by {senior.display_name}." in page
    event = settings_for(KeyworkingSettings, area("thurrock").id).events.get(pgh_label="update")
    assert (event.spend_budget, event.pgh_context.metadata["user"]) == (Decimal("1500.00"), senior.id)


def test_every_value_must_be_at_least_one(signed_in, senior):
    response = signed_in(senior).post(SETTINGS, {**VALUES, "weight_blue": 0, "spend_budget": "0.50"})
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("Enter 1 or more") >= 2
    assert _saved() == DEFAULTS


def test_one_spend_may_not_exceed_the_budget(signed_in, senior):
    response = signed_in(senior).post(SETTINGS, {**VALUES, "spend_item_limit": "1500.01"})
    assert response.status_code == 400
    assert "One spend may not be more than the year&#x27;s budget (£1500.00)" in response.content.decode()
    assert _saved() == DEFAULTS


def test_only_those_who_manage_the_areas_keyworking_reach_it(
    signed_in, chair, keyworker, area_admin_newham, area_admin_thurrock
):
    for user in (chair, keyworker, area_admin_newham):
        assert signed_in(user).get(SETTINGS).status_code == 404
        assert signed_in(user).post(SETTINGS, VALUES).status_code == 404
    assert _saved() == DEFAULTS
    assert signed_in(area_admin_thurrock).get(SETTINGS).status_code == 200


def test_the_area_page_links_to_it_for_those_who_may_change_them(signed_in, senior, chair):
    page = reverse("keyworking:area", args=["thurrock"])
    assert SETTINGS in signed_in(senior).get(page).content.decode()
    assert SETTINGS not in signed_in(chair).get(page).content.decode()
