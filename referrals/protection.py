"""Protecting the public referral form from hostile and automated input, without burdening
the people it is for: a body size limit, a per-address rate limit (in the shared Redis cache),
a honeypot field and a minimum time to fill the form in (a signed timestamp)."""

import hashlib
import ipaddress
import time
from enum import Enum

from django.core import signing
from django.core.cache import cache

# The largest form body accepted. Every field at its maximum length, typed in a script that
# takes several bytes per character and URL-encoded, still fits with room to spare.
MAX_BODY_BYTES = 256 * 1024

RATE_WINDOW_SECONDS = 60 * 60
_STARTED_SALT = "referrals.public-form.started"
# A form left open longer than this is sent back to be checked and sent again.
STARTED_MAX_AGE_SECONDS = 24 * 60 * 60


class Timing(Enum):
    OK = "ok"
    TOO_FAST = "too fast"
    EXPIRED = "expired"
    MISSING = "missing or altered"


def body_too_large(request) -> bool:
    """Judged from the declared length, before anything reads the body."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > MAX_BODY_BYTES


def _client_key(client_ip: str | None) -> str:
    """IPv6 clients are counted per /64 (one household or device gets a whole /64); the
    address is hashed so that no address sits in the cache."""
    try:
        address = ipaddress.ip_address(client_ip or "")
        network = ipaddress.ip_network(f"{address}/64", strict=False) if address.version == 6 else address
        text = str(network)
    except ValueError:
        text = "unknown"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def submission_allowed(*, area_id: int, client_ip: str | None, per_hour: int) -> bool:
    """Count one submission from this client to this area; False once it is over the area's
    hourly limit. A fixed window in Redis, shared by every web process."""
    key = f"referrals:public:{area_id}:{_client_key(client_ip)}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)
        count = 1
    return count <= per_hour


def started_token(area_slug: str, *, now: float | None = None) -> str:
    """When the form was shown, signed so that it cannot be back-dated."""
    return signing.dumps({"area": area_slug, "at": now if now is not None else time.time()}, salt=_STARTED_SALT)


def timing(token: str, *, area_slug: str, minimum_seconds: int, now: float | None = None) -> Timing:
    now = now if now is not None else time.time()
    try:
        started = signing.loads(token or "", salt=_STARTED_SALT)
        started_at, slug = float(started["at"]), started["area"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return Timing.MISSING
    if slug != area_slug:
        return Timing.MISSING
    elapsed = now - started_at
    if elapsed > STARTED_MAX_AGE_SECONDS:
        return Timing.EXPIRED
    if elapsed < minimum_seconds:
        return Timing.TOO_FAST
    return Timing.OK
