"""Settings for the test suite: real PostgreSQL and Redis, fast password hashing, locmem email."""

import os

from config.env import env_str, redis_url_with_db

from .local import *  # noqa: F403
from .local import CACHES, DATABASES, REDIS_CLIENT_URL, REDIS_URL

DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# Each pytest-xdist worker ("gw0", "gw1", ...) has a Redis namespace of its own: tests clear
# the cache (a FLUSHDB, which a key prefix does not confine) and drain queues, so every worker
# gets its own pair of numbered databases, all apart from database 0 that `make run` uses.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
_REDIS_DATABASES = 16  # Redis's default; pairs 1-2, 3-4, ... 13-14 serve seven workers
if 2 * _WORKER + 2 >= _REDIS_DATABASES:
    raise RuntimeError(f"at most {(_REDIS_DATABASES - 2) // 2} pytest-xdist workers share one Redis")
CACHES["default"]["LOCATION"] = redis_url_with_db(REDIS_CLIENT_URL, 2 * _WORKER + 1)
CACHES["default"]["KEY_PREFIX"] = "keyworking-test"
CELERY_BROKER_URL = redis_url_with_db(REDIS_URL, 2 * _WORKER + 2)

# Several suites may run at once on one machine (each names its own test database; pytest-django
# adds each xdist worker's name to it, so the workers of one run never share a database either).
DATABASES["default"]["TEST"] = {"NAME": env_str("KEYWORKING_TEST_DATABASE", "test_keyworking")}

# WhiteNoise otherwise indexes every static file (stat and headers for each of the ~1,600
# files the finders see) when its middleware is built, which happens for every test client:
# that was two thirds of an isolation-matrix case. Looked up on request instead.
WHITENOISE_AUTOREFRESH = True
