"""Per-area MDT meeting settings: the area's MDT chairs view and change them; nobody else."""

from django.urls import reverse

from areas.selectors import settings_for
from dsr.models import MeetingSettings
from tests.factories import area

SETTINGS = reverse("dsr:meetings:settings", args=["thurrock"])
VALUES = {"feedback_working_days": 3, "review_due_window_days": 0}


def _saved():
    saved = settings_for(MeetingSettings, area("thurrock").id)
    return saved.feedback_working_days, saved.review_due_window_days


def test_the_chair_sees_the_current_values(signed_in, chair):
    page = signed_in(chair).get(SETTINGS).content.decode()
    assert 'value="5"' in page  # the national defaults
    assert 'value="7"' in page


def test_a_valid_change_is_saved_and_confirmed(signed_in, chair):
    response = signed_in(chair).post(SETTINGS, VALUES, follow=True)
    assert response.redirect_chain == [(SETTINGS, 302)]
    assert "MDT meeting settings for Thurrock saved." in response.content.decode()
    assert _saved() == (3, 0)


def test_bad_values_are_explained_and_nothing_is_saved(signed_in, chair):
    response = signed_in(chair).post(SETTINGS, {"feedback_working_days": 0, "review_due_window_days": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a number of working days of 1 or more" in page
    assert "This field is required" in page
    assert _saved() == (5, 7)


def test_only_the_areas_chairs_reach_it(signed_in, senior, keyworker, chair_newham):
    for user in (senior, keyworker, chair_newham):
        assert signed_in(user).get(SETTINGS).status_code == 404
        assert signed_in(user).post(SETTINGS, VALUES).status_code == 404
    assert _saved() == (5, 7)


def test_the_meetings_list_links_to_it_for_chairs_only(signed_in, chair, senior):
    assert SETTINGS in signed_in(chair).get(reverse("dsr:meetings:list")).content.decode()
    assert SETTINGS not in signed_in(senior).get(reverse("dsr:meetings:list")).content.decode()
