"""Per-area register settings: the area's DSR holders view and change them; nobody else."""

from django.urls import reverse

from dsr.models import RegisterSettings
from tests.factories import area

SETTINGS = reverse("dsr:settings", args=["thurrock"])
VALUES = {
    "review_days_red": 7,
    "review_days_amber": 28,
    "review_days_green": 56,
    "review_days_blue": 7,
    "post_discharge_rating": "amber",
    "post_discharge_hold_days": 28,
    "consent_recheck_days": 365,
    "adult_register_age": 18,
    "transition_flag_months": 6,
}


def test_a_dsr_holder_sees_the_national_defaults_and_changes_them(holder_client):
    assert 'value="14"' in holder_client.get(SETTINGS).content.decode()
    assert holder_client.post(SETTINGS, VALUES).status_code == 302
    saved = RegisterSettings.objects.get(area=area("thurrock"))
    assert (saved.review_days_red, saved.post_discharge_rating) == (7, "amber")


def test_bad_values_are_explained(holder_client):
    response = holder_client.post(SETTINGS, {**VALUES, "review_days_red": 0, "adult_register_age": 12})
    assert response.status_code == 400
    assert "Enter a number of days of 1 or more" in response.content.decode()


def test_others_get_404(signed_in, keyworker_thurrock, area_admin_thurrock, dsr_holder_newham):
    assert signed_in(keyworker_thurrock).get(SETTINGS).status_code == 404
    assert signed_in(area_admin_thurrock).post(SETTINGS, VALUES).status_code == 404
    assert signed_in(dsr_holder_newham).get(SETTINGS).status_code == 404
    assert not RegisterSettings.objects.filter(area=area("thurrock"), review_days_red=7).exists()
