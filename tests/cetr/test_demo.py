"""The C(E)TR demo data: loads twice without change, and each area's pages show its own
canary and never another area's."""

import re

import pytest
from django.urls import reverse

from areas import demo as areas_demo
from cetr import demo
from cetr.models import Action, EmergencyMeeting, Review
from tests.factories import sign_in


@pytest.fixture
def demo_loaded():
    areas_demo.load()
    demo.load()


def test_loading_twice_changes_nothing(demo_loaded):
    before = (Review.objects.count(), Action.objects.count(), EmergencyMeeting.objects.count())
    demo.load()
    assert (Review.objects.count(), Action.objects.count(), EmergencyMeeting.objects.count()) == before
    assert before[0] == 30


def test_each_areas_pages_show_only_its_own_canary(client, demo_loaded):
    from django.contrib.auth import get_user_model

    for slug in ("thurrock", "newham"):
        user = get_user_model().objects.get(username=f"cetr_coordinator.{slug}")
        api = sign_in(client, user)
        pages = "".join(
            api.get(url).content.decode()
            for url in (reverse("cetr:area", args=[slug]), reverse("cetr:area-actions", args=[slug]))
        )
        assert f"canary-{slug}" in pages
        assert set(re.findall(r"canary-[a-z-]+", pages)) == {f"canary-{slug}"}
