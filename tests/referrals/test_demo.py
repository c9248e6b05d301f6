"""Demo referrals: every area gets some, with its canary; loading twice changes nothing."""

from areas import demo as area_demo
from referrals import demo
from referrals.models import Referral, ReferralForward, ReferralStatus
from tests.factories import area, person


def test_every_area_gets_referrals_at_each_stage_with_its_canary():
    area_demo.load()
    person("thurrock", given_name="Known", family_name="Already")
    demo.load()
    thurrock = Referral.objects.filter(area=area("thurrock"))
    assert set(thurrock.values_list("status", flat=True)) == set(ReferralStatus.values)
    assert all("canary-thurrock" in concerns for concerns in thurrock.values_list("concerns", flat=True))
    assert thurrock.filter(given_name="Known", family_name="Already").exists()
    assert Referral.objects.values("area").distinct().count() == 10
    forwarded_in = thurrock.exclude(forwarded_from=None).get()
    assert forwarded_in.forwarded_from != area("thurrock")
    assert ReferralForward.objects.filter(area=area("thurrock")).count() == 1


def test_loading_twice_changes_nothing():
    area_demo.load()
    demo.load()
    before = sorted(Referral.objects.values_list("reference", "status", "area"))
    demo.load()
    assert sorted(Referral.objects.values_list("reference", "status", "area")) == before
