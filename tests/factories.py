"""factory_boy factories and helpers shared by the tests."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import SIGNED_IN_AT_KEY
from areas.models import Area
from areas.roles import Role
from areas.services import role_grant

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.nhs.uk")
    password = factory.django.Password(PASSWORD)


def area(slug: str) -> Area:
    return Area.objects.get(slug=slug)


def user_with_roles(username: str, roles: dict[str, list[Role]] | None = None, *, mfa: bool = True):
    """A user holding `roles` ({area slug: [role, …]}), with a confirmed TOTP device."""
    user = UserFactory(username=username)
    for slug, held in (roles or {}).items():
        for role in held:
            role_grant(area=area(slug), user=user, role=role)
    if mfa:
        TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user


def current_code(user) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def sign_in(client, user, *, verified: bool = True):
    """A signed-in session as the real flow leaves it (password, then MFA when `verified`),
    without spending a real TOTP code, which each test may only use once."""
    client.force_login(user)
    session = client.session
    session[SIGNED_IN_AT_KEY] = timezone.now().timestamp()
    if verified:
        session["otp_device_id"] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
    session.save()
    return client


def person(slug: str = "thurrock", **details):
    """A synthetic person held by the area `slug`."""
    from dsr.models import Diagnosis
    from dsr.services.people import person_create

    defaults = {
        "given_name": "Alex",
        "family_name": "Testperson",
        "date_of_birth": date(2012, 5, 17),
        "diagnosis": Diagnosis.AUTISM,
    }
    return person_create(area_id=area(slug).id, **(defaults | details))


def entry(slug: str = "thurrock", *, rating=None, decided_by=None, **details):
    """A person with an active register entry, rated `rating` if given."""
    from dsr.models.entry import EntryStatus
    from dsr.services.entries import entry_open
    from dsr.services.ratings import rating_record

    opened = entry_open(person=person(slug, **details), status=EntryStatus.ACTIVE)
    if rating is not None:
        decided_by = decided_by or UserFactory(username=f"rater.{slug}")
        rating_record(
            entry=opened, rating=rating, reason="Set up for a test", decided_on=opened.added_on, decided_by=decided_by
        )
        opened.refresh_from_db()
    return opened
