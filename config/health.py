"""`/healthz`: is the database reachable, and the Redis broker? For load balancers and monitoring."""

import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        return False


def _redis_ok() -> bool:
    try:
        return bool(redis.Redis.from_url(settings.REDIS_CLIENT_URL, socket_timeout=2).ping())
    except Exception:  # noqa: BLE001
        return False


def healthz(request):
    status = {"database": "ok" if _database_ok() else "unavailable", "redis": "ok" if _redis_ok() else "unavailable"}
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **status}, status=200 if healthy else 503)
