"""Fast and deterministic: quick password hashing, plain static storage, local-memory cache,
tasks run immediately."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 600,
    },
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
    },
}
# Tests build content straight in the database, which no real change does, so the page
# cache is off here; tests/test_page_cache.py turns it on and goes through the real paths.
WAGTAIL_CACHE = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Uploaded test files go to a temporary folder, never the project's media/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="jindu-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="jindu-test-private-"))
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-is-never-served/"},
    },
}
FEEDBACK_OPEN_DAYS = 3
FEEDBACK_MIN_GROUP = 20
# What the tests expect, whatever the environment running them says (PAGE_CACHE=1 or a
# rate limit in the shell must not change a test's outcome).
PAGE_CACHE_SECONDS = 600
LIVE_PAGE_SECONDS = 60
TALK_REQUEST_RATE = "5/h"
TALK_REQUEST_RETENTION_DAYS = 365
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
EVENT_YEARS_AHEAD = 2
