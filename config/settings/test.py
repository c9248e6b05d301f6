"""Settings for the test suite: real PostgreSQL and Redis, fast password hashing, locmem email."""

from config.env import env_str, redis_url_with_db

from .local import *  # noqa: F403
from .local import CACHES, DATABASES, REDIS_CLIENT_URL, REDIS_URL

DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# Tests clear the cache and drain queues: keep them off the databases `make run` uses.
CACHES["default"]["LOCATION"] = redis_url_with_db(REDIS_CLIENT_URL, 1)
CACHES["default"]["KEY_PREFIX"] = "keyworking-test"
CELERY_BROKER_URL = redis_url_with_db(REDIS_URL, 2)

# Several suites may run at once on one machine (each names its own test database).
DATABASES["default"]["TEST"] = {"NAME": env_str("KEYWORKING_TEST_DATABASE", "test_keyworking")}
