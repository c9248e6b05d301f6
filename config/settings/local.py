"""Settings for `make run` on a developer's machine: demo data, console email, no TLS."""

from config.env import env_list, env_str

from .base import *  # noqa: F403

DEBUG = False  # pages look as they will in production; errors go to the console log
DEMO_MODE = True
SECRET_KEY = env_str("SECRET_KEY", "local-development-only-not-secret")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve straight from static/ and node_modules: no collectstatic
STATIC_ROOT = None
