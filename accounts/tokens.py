"""Personal API tokens: creation, lookup and revocation."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import ApiToken

MAX_LIFETIME_DAYS = 365
DEFAULT_LIFETIME_DAYS = 90


def api_token_create(*, user, name: str, lifetime_days: int = DEFAULT_LIFETIME_DAYS) -> tuple[ApiToken, str]:
    """Create a token; return it with the raw value, which is never stored and never shown again."""
    if not 1 <= lifetime_days <= MAX_LIFETIME_DAYS:
        raise ValueError(f"A token lasts between 1 and {MAX_LIFETIME_DAYS} days.")
    raw = ApiToken.PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        digest=ApiToken.digest_of(raw),
        hint=raw[: len(ApiToken.PREFIX) + 6],
        created_at=now,
        expires_at=now + timedelta(days=lifetime_days),
    )
    return token, raw


def api_token_revoke(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def api_tokens_revoke_all(*, user) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def token_from_header(raw: str) -> ApiToken | None:
    """The usable token with this value, or None. Records when it was last used (at most once a
    minute, to keep API reads from writing on every call)."""
    if not raw.startswith(ApiToken.PREFIX):
        return None
    token = ApiToken.objects.usable().select_related("user").filter(digest=ApiToken.digest_of(raw)).first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        with transaction.atomic():
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
