"""The dashboard pages: who may open which, what they show, and nothing identifiable."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse

from areas.roles import Role
from dashboards.snapshots import snapshot_take
from tests.dashboards.factories import MARCH, TODAY, register_figures, snapshot
from tests.factories import area, user_with_roles


def _url(scope: str, **query) -> str:
    url = reverse("dashboards:dashboard", args=[scope])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _register_table(response):
    return next(item["view"] for item in response.context["tables"] if item["view"].key == "register_rating")


def _march_row(view):
    return next(row for row in view.rows if row.month == MARCH)


@pytest.fixture
def thurrock_march():
    return snapshot("thurrock", MARCH, register_figures(red=3, amber=20, green=35, blue=0))


def test_commissioner_sees_their_areas_figures_suppressed_and_rounded(signed_in, commissioner_thurrock, thurrock_march):
    response = signed_in(commissioner_thurrock).get(_url("areas/thurrock"))
    assert response.status_code == 200
    cells = [cell.display for cell in _march_row(_register_table(response)).cells]
    assert cells == ["*", "20", "35", "0", "0", "60"]  # red, amber, green, blue, not rated, total


def test_another_areas_dashboard_is_not_found(signed_in, commissioner_newham, thurrock_march):
    assert signed_in(commissioner_newham).get(_url("areas/thurrock")).status_code == 404


@pytest.mark.parametrize("role", [Role.DSR_HOLDER, Role.MDT_CHAIR])
def test_dsr_holders_and_mdt_chairs_see_their_own_areas_dashboards(signed_in, role, thurrock_march):
    user = user_with_roles(f"{role}.dash", {"thurrock": [role]})
    assert signed_in(user).get(_url("areas/thurrock")).status_code == 200
    assert signed_in(user).get(_url("areas/newham")).status_code == 404


@pytest.mark.parametrize(
    "role", [Role.KEYWORKER, Role.SENIOR_PRACTITIONER, Role.CETR_COORDINATOR, Role.IG_LEAD, Role.AREA_ADMIN]
)
def test_other_roles_have_no_dashboards(signed_in, role, thurrock_march):
    user = user_with_roles(f"{role}.dash", {"thurrock": [role]})
    client = signed_in(user)
    assert client.get(_url("areas/thurrock")).status_code == 404
    assert client.get(reverse("dashboards:index")).status_code == 404
    assert b">Dashboards<" not in client.get(reverse("areas:home")).content


def test_without_mfa_the_dashboard_is_not_reachable(signed_in, commissioner_thurrock, thurrock_march):
    response = signed_in(commissioner_thurrock, verified=False).get(_url("areas/thurrock"))
    assert response.status_code == 302


def test_menu_has_dashboards_for_commissioners(signed_in, commissioner_thurrock):
    assert b">Dashboards<" in signed_in(commissioner_thurrock).get(reverse("areas:home")).content


def test_index_goes_straight_to_the_only_dashboard(signed_in, commissioner_thurrock):
    response = signed_in(commissioner_thurrock).get(reverse("dashboards:index"))
    assert response.status_code == 302
    assert response["Location"] == _url("areas/thurrock")


def test_index_lists_the_partnership_and_its_areas(signed_in, commissioner_set):
    response = signed_in(commissioner_set).get(reverse("dashboards:index"))
    paths = [scope.path for scope in response.context["scopes"]]
    assert paths == ["partnerships/set", "areas/essex", "areas/southend", "areas/thurrock"]


def test_a_partnership_dashboard_needs_every_one_of_its_areas(signed_in, commissioner_thurrock, commissioner_set):
    assert signed_in(commissioner_thurrock).get(_url("partnerships/set")).status_code == 404
    assert signed_in(commissioner_set).get(_url("partnerships/set")).status_code == 200
    assert signed_in(commissioner_set).get(_url("partnerships/nel")).status_code == 404


def test_all_your_areas_combines_areas_of_different_partnerships(signed_in, commissioner_two, commissioner_set):
    snapshot("thurrock", MARCH, register_figures(amber=20))
    snapshot("newham", MARCH, register_figures(amber=30))
    response = signed_in(commissioner_two).get(_url("all"))
    assert response.status_code == 200
    assert [cell.display for cell in _march_row(_register_table(response)).cells][-1] == "50"
    assert signed_in(commissioner_set).get(_url("all")).status_code == 404  # that is the partnership


def test_partnership_hides_a_figure_that_would_give_an_areas_small_count_away(signed_in, commissioner_set):
    # Essex red 1 ("*"), Southend 8 ("10"), Thurrock 8 ("10"): a partnership red of 17 shown as
    # "15" would tell that Essex has exactly 1.
    snapshot("essex", MARCH, register_figures(red=1, amber=40))
    snapshot("southend", MARCH, register_figures(red=8, amber=40))
    snapshot("thurrock", MARCH, register_figures(red=8, amber=40))
    response = signed_in(commissioner_set).get(_url("partnerships/set"))
    cells = [cell.display for cell in _march_row(_register_table(response)).cells]
    assert cells[0] == "*"
    areas = [signed_in(commissioner_set).get(_url(f"areas/{slug}")) for slug in ("essex", "southend", "thurrock")]
    assert [_march_row(_register_table(r)).cells[0].display for r in areas] == ["*", "10", "10"]


def test_other_areas_figures_are_never_included(signed_in, commissioner_thurrock):
    snapshot("thurrock", MARCH, register_figures(amber=20))
    snapshot("newham", MARCH, register_figures(amber=500))
    response = signed_in(commissioner_thurrock).get(_url("areas/thurrock"))
    assert _march_row(_register_table(response)).cells[-1].display == "20"
    assert b"500" not in response.content


@pytest.mark.parametrize("query", [{"months": "5"}, {"months": "lots"}, {"section": "people"}])
def test_bad_choices_answer_400(signed_in, commissioner_thurrock, thurrock_march, query):
    response = signed_in(commissioner_thurrock).get(_url("areas/thurrock", **query))
    assert response.status_code == 400
    assert b"There is a problem" in response.content


@pytest.mark.parametrize("section", ["register", "inpatients", "cetr", "keyworking", "referrals"])
def test_every_section_renders_charts_with_a_table_and_no_inline_style(
    signed_in, commissioner_thurrock, thurrock_march, section
):
    response = signed_in(commissioner_thurrock).get(_url("areas/thurrock", section=section, months=24))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg viewBox") == len(response.context["tables"])
    assert html.count("<caption") >= len(response.context["tables"])
    assert "style=" not in html


def test_no_names_record_links_or_free_text_on_any_section(signed_in, commissioner_thurrock, world):
    for month in (date(2026, 2, 1), MARCH):
        snapshot_take(area=area("thurrock"), month=month, today=TODAY)
    client = signed_in(commissioner_thurrock)
    for section in ("register", "inpatients", "cetr", "keyworking", "referrals"):
        html = client.get(_url("areas/thurrock", section=section, months=36)).content.decode()
        for forbidden in (
            "Dashboardtest",
            "Ayo",
            "canary-thurrock",
            "Examplechild",
            "/register/people",
            "/cetr/reviews",
        ):
            assert forbidden not in html, (section, forbidden)


def _fill(slug: str, months: int) -> None:
    for index in range(months):
        snapshot(slug, MARCH - relativedelta(months=index), register_figures(red=3 + index, amber=20, new=2, removed=1))


@pytest.mark.parametrize("months_of_data", [1, 24])
def test_query_count_is_fixed_whatever_the_data(signed_in, commissioner_set, django_assert_num_queries, months_of_data):
    for slug in ("essex", "southend", "thurrock"):
        _fill(slug, months_of_data)
    client = signed_in(commissioner_set)
    client.get(reverse("accounts:account"))  # the session's own queries settle first
    with django_assert_num_queries(19):
        assert client.get(_url("partnerships/set", months=24)).status_code == 200
