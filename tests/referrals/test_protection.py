"""The public form's spam checks, without HTTP."""

from django.test import RequestFactory

from referrals import protection


def test_the_start_time_must_be_old_enough_fresh_enough_and_untouched():
    token = protection.started_token("thurrock", now=1000.0)
    timing = protection.timing
    assert timing(token, area_slug="thurrock", minimum_seconds=5, now=1010.0) is protection.Timing.OK
    assert timing(token, area_slug="thurrock", minimum_seconds=5, now=1002.0) is protection.Timing.TOO_FAST
    assert timing(token, area_slug="thurrock", minimum_seconds=5, now=1000.0 + 2 * 86400) is protection.Timing.EXPIRED
    assert timing(token, area_slug="newham", minimum_seconds=5, now=1010.0) is protection.Timing.MISSING
    assert timing(token + "x", area_slug="thurrock", minimum_seconds=5, now=1010.0) is protection.Timing.MISSING


def test_the_body_size_is_judged_from_the_declared_length():
    factory = RequestFactory()
    assert not protection.body_too_large(factory.post("/", {"a": "b"}))
    assert protection.body_too_large(factory.post("/", {"a": "b" * (protection.MAX_BODY_BYTES + 1)}))
    bogus = factory.post("/", {"a": "b"})
    bogus.META["CONTENT_LENGTH"] = "lots"
    assert protection.body_too_large(bogus)
