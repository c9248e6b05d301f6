"""Per-area settings, one mechanism for every app: `settings_for` reads without writing, every
settings page saves through its app's service (recording who changed it, in its history), bad
input is a form error with nothing written, and another area's page is a 404."""

from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from areas.models import AreaSettings, Partnership, SettingsBase
from areas.roles import Role
from areas.selectors import settings_for, settings_for_each
from areas.services import settings_update
from cetr.models import CetrSettings
from cetr.services.settings import cetr_settings_update
from cetr.views.areas import SETTINGS_PAGE as CETR_PAGE
from dashboards.models import DashboardSettings, PartnershipDashboardSettings
from dashboards.services import dashboard_settings_update, partnership_dashboard_settings_update
from dashboards.views import SETTINGS_PAGE as DASHBOARDS_PAGE
from dsr.meetings.services import meeting_settings_update
from dsr.meetings.views import SETTINGS_PAGE as MEETINGS_PAGE
from dsr.models import MeetingSettings, RegisterSettings
from dsr.services.settings import register_settings_update
from dsr.views.admin import SETTINGS_PAGE as REGISTER_PAGE
from keyworking.models import KeyworkingSettings
from keyworking.services.settings import keyworking_settings_update
from keyworking.views import SETTINGS_PAGE as KEYWORKING_PAGE
from notifications.models import NotificationSettings
from notifications.services import notification_settings_update
from notifications.views import SETTINGS_PAGE as NOTIFICATIONS_PAGE
from referrals.models import ReferralSettings
from referrals.services.settings import referral_settings_update
from referrals.views.triage import SETTINGS_PAGE as REFERRALS_PAGE
from tests.factories import area, user_with_roles

AREA_MODELS = [
    RegisterSettings,
    MeetingSettings,
    KeyworkingSettings,
    CetrSettings,
    ReferralSettings,
    NotificationSettings,
    DashboardSettings,
]


@dataclass(frozen=True)
class Case:
    url_name: str
    page: object
    service: object
    role: Role
    change: tuple[str, object]  # one setting and a valid new value


CASES = [
    Case("dsr:settings", REGISTER_PAGE, register_settings_update, Role.DSR_HOLDER, ("review_days_red", 7)),
    Case("dsr:meetings:settings", MEETINGS_PAGE, meeting_settings_update, Role.MDT_CHAIR, ("feedback_working_days", 3)),
    Case(
        "keyworking:settings", KEYWORKING_PAGE, keyworking_settings_update, Role.SENIOR_PRACTITIONER, ("weight_blue", 4)
    ),
    Case(
        "cetr:settings",
        CETR_PAGE,
        cetr_settings_update,
        Role.CETR_COORDINATOR,
        ("post_admission_child_working_days", 10),
    ),
    Case("referrals:settings", REFERRALS_PAGE, referral_settings_update, Role.DSR_HOLDER, ("decision_target_days", 21)),
    Case(
        "notifications:settings",
        NOTIFICATIONS_PAGE,
        notification_settings_update,
        Role.DSR_HOLDER,
        ("review_due_soon_days", 3),
    ),
    Case("dashboards:disclosure", DASHBOARDS_PAGE, dashboard_settings_update, Role.IG_LEAD, ("suppress_below", 10)),
]
IDS = [case.url_name for case in CASES]


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def _posted(form, **changes) -> dict:
    """What a browser would post for `form` as shown, with `changes`."""
    data = {}
    for name in form.fields:
        value = changes.get(name, form[name].value())
        if value is True:
            data[name] = "on"
        elif value not in (False, None):
            data[name] = str(value)
    return data


def test_every_settings_model_has_the_common_base():
    assert all(issubclass(model, AreaSettings) for model in AREA_MODELS)
    assert issubclass(PartnershipDashboardSettings, SettingsBase)
    assert {case.page.model for case in CASES} == set(AREA_MODELS)


@pytest.mark.parametrize("model", AREA_MODELS, ids=lambda model: model.__name__)
def test_settings_for_reads_the_national_defaults_without_writing(model):
    thurrock = area("thurrock")
    with CaptureQueriesContext(connection) as queries:
        settings = settings_for(model, thurrock)
        by_id = settings_for(model, thurrock.id)
        several = settings_for_each(model, [thurrock, area("newham")])
    assert _writes(queries.captured_queries) == []
    assert [settings.pk, by_id.pk, several[thurrock.id].pk] == [None, None, None]
    assert not model.objects.filter(area=thurrock).exists()
    assert not model._meta.get_field("events").related_model.objects.filter(area_id=thurrock.id).exists()
    defaults = {name: model._meta.get_field(name).get_default() for name in model.setting_names()}
    assert {name: getattr(settings, name) for name in model.setting_names()} == defaults
    assert (settings.area_id, settings.changed_by, settings.changed_at) == (thurrock.id, None, None)


def test_settings_for_returns_the_stored_row():
    stored = register_settings_update(area=area("thurrock"), user=None, review_days_red=7)
    with CaptureQueriesContext(connection) as queries:
        found = settings_for(RegisterSettings, area("thurrock").id)
    assert _writes(queries.captured_queries) == []
    assert (found.pk, found.review_days_red) == (stored.pk, 7)
    assert settings_for(RegisterSettings, area("newham")).review_days_red == 14


def test_settings_for_a_partnership():
    partnership = Partnership.objects.get(areas=area("thurrock"))
    assert settings_for(PartnershipDashboardSettings, partnership).pk is None
    assert not PartnershipDashboardSettings.objects.filter(partnership=partnership).exists()
    saved = partnership_dashboard_settings_update(partnership=partnership, user=None, suppress_below=10)
    assert settings_for(PartnershipDashboardSettings, partnership.pk) == saved
    assert saved.events.get(pgh_label="update").suppress_below == 10


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_each_page_is_the_one_settings_page_saving_through_its_apps_service(case):
    assert case.page.update is case.service
    match = resolve(reverse(case.url_name, args=["thurrock"]))
    assert match.func.__name__ == "area_settings_view"
    assert match.kwargs["page"] is case.page


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_each_page_shows_the_defaults_without_writing_then_saves_and_records_who(signed_in, case):
    user = user_with_roles("settings.user", {"thurrock": [case.role]})
    client = signed_in(user)
    url = reverse(case.url_name, args=["thurrock"])
    model = case.page.model
    response = client.get(url)
    assert response.status_code == 200
    assert "Last changed" not in response.content.decode()
    assert not model.objects.filter(area=area("thurrock")).exists()  # reading the page wrote nothing

    name, value = case.change
    response = client.post(url, _posted(response.context["form"], **{name: value}), follow=True)
    assert response.status_code == 200
    assert f"{case.page.title} for Thurrock saved." in response.content.decode()
    saved = model.objects.get(area=area("thurrock"))
    assert getattr(saved, name) == value
    assert saved.changed_by == user
    assert saved.changed_at is not None
    event = saved.events.get(pgh_label="update")
    assert getattr(event, name) == value
    assert (event.changed_by_id, event.pgh_context.metadata["user"]) == (user.id, user.id)
    assert f"by {user.display_name}." in client.get(url).content.decode()
    assert not model.objects.filter(area=area("newham")).exists()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_bad_input_is_a_form_error_and_nothing_is_written(signed_in, case):
    client = signed_in(user_with_roles("settings.user", {"thurrock": [case.role]}))
    url = reverse(case.url_name, args=["thurrock"])
    form = client.get(url).context["form"]
    name, _ = case.change
    response = client.post(url, _posted(form, **{name: "-1"}))
    assert response.status_code == 400
    assert response.context["form"].errors[name]
    assert "nhsuk-error-summary" in response.content.decode()
    assert not case.page.model.objects.filter(area=area("thurrock")).exists()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_another_areas_page_is_not_found(signed_in, case):
    client = signed_in(user_with_roles("settings.newham", {"newham": [case.role]}))
    url = reverse(case.url_name, args=["thurrock"])
    name, value = case.change
    assert client.get(url).status_code == 404
    assert client.post(url, {name: value}).status_code == 404
    assert client.get(reverse(case.url_name, args=["newham"])).status_code == 200
    assert not case.page.model.objects.filter(area=area("thurrock")).exists()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_someone_without_the_role_in_the_area_gets_not_found(signed_in, case):
    client = signed_in(user_with_roles("settings.other", {"thurrock": [Role.COMMISSIONER]}))
    url = reverse(case.url_name, args=["thurrock"])
    assert client.get(url).status_code == 404
    assert client.post(url, dict([case.change])).status_code == 404
    assert not case.page.model.objects.filter(area=area("thurrock")).exists()


def test_the_service_refuses_bad_values_and_writes_nothing():
    with pytest.raises(ValidationError):
        register_settings_update(area=area("thurrock"), user=None, adult_register_age=12)
    with pytest.raises(ValidationError):  # the model's constraint, checked before saving
        dashboard_settings_update(area=area("thurrock"), user=None, suppress_below=3, round_to=10)
    with pytest.raises(ValueError, match="Not register settings"):
        register_settings_update(area=area("thurrock"), user=None, area_id=1)
    with pytest.raises(ValueError, match="changed_by"):
        settings_update(RegisterSettings, area("thurrock"), user=None, changed_by=None)
    assert not RegisterSettings.objects.filter(area=area("thurrock")).exists()
    assert not DashboardSettings.objects.filter(area=area("thurrock")).exists()


def test_changes_on_top_of_a_stored_row_keep_the_other_values():
    thurrock = area("thurrock")
    first = register_settings_update(area=thurrock, user=None, review_days_red=7)
    second = register_settings_update(area=thurrock, user=None, review_days_amber=21)
    assert second.pk == first.pk
    assert (second.review_days_red, second.review_days_amber) == (7, 21)
    assert RegisterSettings.objects.filter(area=thurrock).count() == 1
