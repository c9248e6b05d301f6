"""Settings for the test suite: real PostgreSQL and Redis, fast password hashing, locmem email."""

from .local import *  # noqa: F403

DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
