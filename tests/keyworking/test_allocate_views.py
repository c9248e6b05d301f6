"""The chair's pages: an area's keyworking (caseload weights, the waiting list), allocating,
reallocating and closing."""

from django.urls import reverse

from dsr.models import Allocation, Rating
from tests.keyworking.factories import allocated, eligible_entry


def test_the_area_page_lists_who_waits_and_for_how_long(signed_in, chair):
    waiting = eligible_entry(given_name="Waiting", days_ago=12)
    page = signed_in(chair).get(reverse("keyworking:area", args=["thurrock"])).content.decode()
    assert "Waiting Testperson" in page
    assert ">12<" in page
    assert reverse("keyworking:allocate", args=[waiting.pk]) in page


def test_the_area_page_shows_each_keyworkers_caseload_weight(signed_in, chair, keyworker):
    allocated(eligible_entry(given_name="Blue", rating=Rating.BLUE), keyworker)
    allocated(eligible_entry(given_name="Amber", rating=Rating.AMBER), keyworker)
    response = signed_in(chair).get(reverse("keyworking:area", args=["thurrock"]))
    loads = {load.user.username: (load.cases, load.weight) for load in response.context["loads"]}
    assert loads["kw.thurrock"] == (2, 5)


def test_another_areas_chair_gets_404(signed_in, chair_newham):
    assert signed_in(chair_newham).get(reverse("keyworking:area", args=["thurrock"])).status_code == 404


def test_the_chair_allocates_from_the_page(signed_in, chair, keyworker):
    case = eligible_entry()
    response = signed_in(chair).post(reverse("keyworking:allocate", args=[case.pk]), {"keyworker": keyworker.pk})
    allocation = Allocation.objects.get(person_id=case.person_id)
    assert response.status_code == 302
    assert allocation.keyworker == keyworker


def test_allocating_someone_already_allocated_shows_a_clear_message(signed_in, chair, keyworker, other_keyworker):
    case = eligible_entry()
    allocated(case, other_keyworker)
    response = signed_in(chair).post(reverse("keyworking:allocate", args=[case.pk]), {"keyworker": keyworker.pk})
    assert response.status_code == 400
    assert "by someone else" in response.content.decode()
    assert Allocation.objects.filter(person_id=case.person_id).count() == 1


def test_allocating_without_choosing_a_keyworker_is_400(signed_in, chair):
    case = eligible_entry()
    assert signed_in(chair).post(reverse("keyworking:allocate", args=[case.pk]), {}).status_code == 400


def test_a_chair_cannot_allocate_in_another_area(signed_in, chair_newham, keyworker):
    case = eligible_entry()
    response = signed_in(chair_newham).post(reverse("keyworking:allocate", args=[case.pk]), {"keyworker": keyworker.pk})
    assert response.status_code == 404


def test_reallocate_and_close_from_the_case(signed_in, chair, keyworker, other_keyworker):
    allocation = allocated(eligible_entry(), keyworker)
    client = signed_in(chair)
    response = client.post(
        reverse("keyworking:reallocate", args=[allocation.pk]), {"keyworker": other_keyworker.pk, "reason": "Leave"}
    )
    new = Allocation.objects.get(ended_on__isnull=True)
    assert response.status_code == 302
    assert new.keyworker == other_keyworker
    response = client.post(reverse("keyworking:close", args=[new.pk]), {"reason": "other", "detail": ""})
    assert response.status_code == 400
    client.post(reverse("keyworking:close", args=[new.pk]), {"reason": "goals_met"})
    assert not Allocation.objects.filter(ended_on__isnull=True).exists()
