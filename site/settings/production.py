"""Production: every secret comes from the environment and the process refuses to start
without one."""

import os
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, MIDDLEWARE, STORAGES, env_bool


def next_redis_database(url):
    """redis://host:6379/0 -> redis://host:6379/1 (database 0 when the URL names none)."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{database + 1}"))


DEBUG = False

# Each worker keeps its database connection between requests: opening one cost more than
# rendering most pages (SQLite: 5 of the 10 ms of an article with its parts kept; PostgreSQL
# adds a login). It is checked before reuse, so a restarted database costs a reconnect, not
# an error. CONN_MAX_AGE=0 opens one per request again.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production settings.")

# Mail goes out by SMTP. The console backend of development would print password-reset
# links into the server's log, where anyone who reads the log could use them: `check
# --deploy` refuses it (jindu.E002).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Secure cookies need HTTPS; `make serve` turns them off to run over plain HTTP locally.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Static files: compressed and content-hashed, served by the app itself (whitenoise), so
# any number of app servers can sit behind a load balancer or a CDN without a file server.
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Caches shared by every app server (Redis) when REDIS_URL is set: rate limits and
# renditions in REDIS_URL's database, pages in one of their own (PAGE_CACHE_REDIS_URL, or
# REDIS_URL's database plus one), since emptying the page cache empties its database.
# A Redis that stops answering makes pages slower, never unavailable: django-redis answers
# as an empty cache would (IGNORE_EXCEPTIONS) and logs it. Without Redis every cache lives
# in files shared by the processes of this machine (settings/base.py).
if os.environ.get("REDIS_URL"):
    # A Redis that does not answer costs a request at most these seconds (a refused
    # connection costs nothing); short enough for a hung server, long enough that a busy
    # machine (every core taken by the workers) is not mistaken for one.
    REDIS_OPTIONS = {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 2,
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "jindu",
            "OPTIONS": REDIS_OPTIONS,
        },
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ.get("PAGE_CACHE_REDIS_URL")
            or next_redis_database(os.environ["REDIS_URL"]),
            "TIMEOUT": CACHES["pages"]["TIMEOUT"],
            "OPTIONS": REDIS_OPTIONS,
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "jindu-renditions",
            "OPTIONS": REDIS_OPTIONS,
        },
    }

# Background tasks wait in the database until a `manage.py db_worker` process runs them;
# TASKS_IMMEDIATE=1 runs them inside the request instead (a single small server).
if not env_bool("TASKS_IMMEDIATE", False):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Uploaded media in S3-compatible storage when a bucket is configured (extra "s3").
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }

# Purge the CDN or caching proxy when pages are published (Wagtail's frontend cache).
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
