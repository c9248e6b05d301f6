"""Rate limiting of the public form per client address (Redis), set per area."""

from areas.selectors import settings_for
from referrals.models import Referral, ReferralSettings
from tests.factories import area


def _limit(slug: str, per_hour: int) -> None:
    settings = settings_for(ReferralSettings, area(slug).id)
    settings.public_submissions_per_hour = per_hour
    settings.save()


def test_submissions_over_the_areas_hourly_limit_get_a_friendly_429_and_are_not_stored(post_public):
    _limit("thurrock", 2)
    assert [post_public(ip="198.51.100.20").status_code for _ in range(2)] == [302, 302]
    refused = post_public(ip="198.51.100.20")
    assert refused.status_code == 429
    assert "Please try again later" in refused.content.decode()
    assert refused["Retry-After"] == "3600"
    assert Referral.objects.count() == 2


def test_failed_attempts_count_towards_the_limit(post_public):
    _limit("thurrock", 2)
    post_public(ip="198.51.100.21", given_name="")
    post_public(ip="198.51.100.21", given_name="")
    assert post_public(ip="198.51.100.21").status_code == 429
    assert Referral.objects.count() == 0


def test_the_limit_is_per_client_address(post_public):
    _limit("thurrock", 1)
    assert post_public(ip="198.51.100.22").status_code == 302
    assert post_public(ip="198.51.100.22").status_code == 429
    assert post_public(ip="198.51.100.23").status_code == 302


def test_ipv6_clients_are_counted_per_64_network(post_public):
    _limit("thurrock", 1)
    assert post_public(ip="2001:db8:1:2::10").status_code == 302
    assert post_public(ip="2001:db8:1:2::99").status_code == 429
    assert post_public(ip="2001:db8:1:3::10").status_code == 302


def test_each_area_has_its_own_limit(post_public):
    _limit("thurrock", 1)
    assert post_public("thurrock", ip="198.51.100.24").status_code == 302
    assert post_public("thurrock", ip="198.51.100.24").status_code == 429
    assert post_public("newham", ip="198.51.100.24").status_code == 302


def test_looking_at_the_form_is_not_limited(client, post_public):
    _limit("thurrock", 1)
    post_public(ip="198.51.100.25")
    assert client.get("/refer/thurrock/", REMOTE_ADDR="198.51.100.25").status_code == 200
