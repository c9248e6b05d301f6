"""Each area's small-number suppression as a settings page: information governance leads (and
area admins) view and change it, the dashboards apply it at once; nobody else reaches it."""

import pytest
from django.urls import reverse

from areas.roles import Role
from areas.selectors import settings_for
from dashboards.models import DashboardSettings
from tests.dashboards.factories import MARCH, register_figures, snapshot
from tests.factories import area, user_with_roles

PAGE = reverse("dashboards:disclosure", args=["thurrock"])
INDEX = reverse("dashboards:disclosure-index")
MENU_ENTRY = ">Small-number suppression<"


def _saved():
    saved = settings_for(DashboardSettings, area("thurrock"))
    return saved.suppress_below, saved.round_to


def _march_red(client) -> str:
    """What the Thurrock dashboard shows for March's red-rated count."""
    response = client.get(reverse("dashboards:dashboard", args=["areas/thurrock"]))
    view = next(item["view"] for item in response.context["tables"] if item["view"].key == "register_rating")
    return next(row for row in view.rows if row.month == MARCH).cells[0].display


def test_the_ig_lead_sees_the_current_values(signed_in, ig_lead_thurrock):
    response = signed_in(ig_lead_thurrock).get(PAGE)
    page = response.content.decode()
    form = response.context["form"]
    assert (form["suppress_below"].value(), form["round_to"].value()) == (8, 5)  # the national defaults
    assert 'value="8"' in page
    assert 'value="5"' in page
    assert "counts from 1 to 7 are shown as *, others rounded to the nearest 5" in page


def test_a_valid_change_is_saved_confirmed_and_applied_by_the_dashboard(
    signed_in, ig_lead_thurrock, commissioner_thurrock
):
    snapshot("thurrock", MARCH, register_figures(red=5, amber=20, green=35))
    assert _march_red(signed_in(commissioner_thurrock)) == "*"

    response = signed_in(ig_lead_thurrock).post(PAGE, {"suppress_below": 3, "round_to": 1}, follow=True)
    assert response.redirect_chain == [(PAGE, 302)]
    assert "Small-number suppression for Thurrock saved." in response.content.decode()
    assert _saved() == (3, 1)
    assert _march_red(signed_in(commissioner_thurrock)) == "5"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"suppress_below": 1, "round_to": 1}, "suppress_below", "Enter 2 or more"),
        ({"suppress_below": 8, "round_to": 0}, "round_to", "Enter 1 or more"),
        ({"suppress_below": 3, "round_to": 10}, "round_to", "Enter 6 or less"),
    ],
)
def test_a_policy_that_could_show_a_small_count_as_zero_is_refused(signed_in, ig_lead_thurrock, values, field, message):
    response = signed_in(ig_lead_thurrock).post(PAGE, values)
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert "violated" not in response.content.decode()  # the form refused it, not the database constraint
    assert _saved() == (8, 5)


def test_only_those_who_set_the_areas_suppression_reach_it(
    signed_in, commissioner_thurrock, dsr_holder_thurrock, ig_lead_newham, area_admin_thurrock
):
    for user in (commissioner_thurrock, dsr_holder_thurrock, ig_lead_newham):
        assert signed_in(user).get(PAGE).status_code == 404
        assert signed_in(user).post(PAGE, {"suppress_below": 3, "round_to": 1}).status_code == 404
    assert _saved() == (8, 5)
    assert signed_in(area_admin_thurrock).get(PAGE).status_code == 200


def test_the_index_goes_straight_to_the_only_area(signed_in, ig_lead_thurrock):
    response = signed_in(ig_lead_thurrock).get(INDEX)
    assert response.status_code == 302
    assert response["Location"] == PAGE


def test_the_index_lists_several_areas_with_their_values(signed_in):
    ig_lead = user_with_roles("ig.two", {"thurrock": [Role.IG_LEAD], "newham": [Role.IG_LEAD]})
    client = signed_in(ig_lead)
    client.post(PAGE, {"suppress_below": 11, "round_to": 10})
    response = client.get(INDEX)
    page = response.content.decode()
    assert response.status_code == 200
    assert PAGE in page
    assert reverse("dashboards:disclosure", args=["newham"]) in page
    assert [(a.slug, s.suppress_below, s.round_to) for a, s in response.context["rows"]] == [
        ("newham", 8, 5),
        ("thurrock", 11, 10),
    ]
    assert INDEX in client.get(PAGE).content.decode()  # the way back, with several areas


def test_the_index_is_not_found_without_the_capability(signed_in, commissioner_thurrock):
    assert signed_in(commissioner_thurrock).get(INDEX).status_code == 404


def test_the_menu_entry_shows_for_the_ig_lead_only(signed_in, ig_lead_thurrock, commissioner_thurrock):
    home = reverse("areas:home")
    assert MENU_ENTRY in signed_in(ig_lead_thurrock).get(home).content.decode()
    assert MENU_ENTRY not in signed_in(commissioner_thurrock).get(home).content.decode()
