"""The register's demo data: every area, every rating, each area's canary; safe to run twice."""

from django.core.management import call_command
from django.db.models import Q

from dsr.demo import FAMILY
from dsr.models import InpatientEpisode, Person, Rating, RegisterEntry, Transfer
from tests.factories import area

# Other apps' demos add their own people: these are the register's.
OURS = Q()
for name in FAMILY:
    OURS |= Q(person__family_name__startswith=f"{name}-")


def test_every_area_gets_a_working_register_with_its_canary(demo):
    for slug in ("thurrock", "newham"):
        entries = RegisterEntry.objects.filter(OURS, area=area(slug))
        assert entries.count() >= 24
        assert {Rating.RED, Rating.AMBER, Rating.GREEN, Rating.BLUE} <= set(
            entries.values_list("current_rating", flat=True)
        )
        assert all(f"canary-{slug}" in e.current_issues for e in entries)
        assert not any("canary-" in e.current_issues.replace(f"canary-{slug}", "") for e in entries)
    assert InpatientEpisode.objects.filter(discharged_on__isnull=False).exists()
    assert Transfer.objects.filter(area=area("thurrock"), status="requested").exists()


def test_loading_twice_adds_nothing(demo):
    before = Person.objects.count()
    call_command("load_demo")
    assert Person.objects.count() == before
