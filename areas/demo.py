"""Demo users: in every area one user per role, named `<role>.<area-slug>`, plus `keyworker.nel`
(keyworker in all seven North East London boroughs) and `commissioner.set` (commissioner for
Essex, Southend and Thurrock). All share one password and one TOTP secret (demo mode only)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.mfa import DEVICE_NAME
from areas.models import Area
from areas.roles import Role
from areas.services import role_grant

DEMO_PASSWORD = "demo-keyworking-2026"  # noqa: S105 - published in the README, demo mode only
# 20 random bytes, fixed so that one authenticator entry works for every demo user.
# In base32 (what an authenticator app asks for): see the README.
DEMO_TOTP_KEY = "3f6c2b9a1d47e8c05b92f3a61e7d4c28a9b05f13"

PARTNERSHIP_USERS = [
    ("keyworker.nel", Role.KEYWORKER, "nel", "NEL keyworker"),
    ("commissioner.set", Role.COMMISSIONER, "set", "SET commissioner"),
]


def _demo_user(username: str, first_name: str, last_name: str, password_hash: str):
    details = {"first_name": first_name, "last_name": last_name, "email": f"{username}@example.nhs.uk"}
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={**details, "is_active": True},
        # The password is set only on creation, so reloading the demo does not sign everybody out.
        create_defaults={**details, "password": password_hash},
    )
    TOTPDevice.objects.update_or_create(user=user, name=DEVICE_NAME, defaults={"key": DEMO_TOTP_KEY, "confirmed": True})
    return user


def load() -> None:
    password_hash = make_password(DEMO_PASSWORD)  # hashing is slow on purpose: once, not per user
    for area in Area.objects.select_related("partnership"):
        for role in Role:
            username = f"{role.value}.{area.slug}"
            user = _demo_user(username, role.label, f"({area.name})", password_hash)
            role_grant(area=area, user=user, role=role)
    for username, role, partnership_code, label in PARTNERSHIP_USERS:
        first, last = label.split(" ", 1)
        user = _demo_user(username, first, last.capitalize(), password_hash)
        for area in Area.objects.filter(partnership__code=partnership_code):
            role_grant(area=area, user=user, role=role)
