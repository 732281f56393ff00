"""Settings shared by every situation. Anything that differs per machine comes from the
environment; see README.md, "Configuration"."""

import datetime
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

# site/settings/base.py -> the repository root, which holds manage.py and templates/.
PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or list(default)


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours, in dependency order: campaigns -> schools -> jindu. `load_demo` follows it.
    "jindu",
    "schools",
    "campaigns",
    # wagtail-localize replaces wagtail.locales, as its own demo site does.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "wagtailcache",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: everything below that counts by address sees the visitor's, not the proxy's.
    "jindu.security.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # What shared caches in front (Varnish, a CDN) and browsers are told (s-maxage).
    "jindu.serving.headers.SharedCacheHeadersMiddleware",
    # The anonymous page cache (wagtail-cache) keeps responses with every header added
    # below...
    "wagtailcache.cache.UpdateCacheMiddleware",
    # Public pages take their language from the URL alone, never from Accept-Language.
    "jindu.serving.headers.LanguageFromURLMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # ...and answers from here, once the language is known: a hit skips everything below.
    # Visitors with a session (staff) never get a kept page (jindu.wagtail_hooks).
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "jindu.security.csp.SiteCSPMiddleware",
    # No control character (NUL above all) reaches a view, a form or the database.
    "jindu.security.control_characters.StripControlCharactersMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = ["jindu.security.lockout.LockoutModelBackend"]
# Login throttling: 5 failures for the same account from the same address lock that pair out
# for an hour, so one attacker cannot lock every user out. Behind a proxy, name the header
# that carries the client address (e.g. HTTP_X_REAL_IP), or everyone shares the proxy's.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]  # the visitor's: TRUSTED_PROXIES
AXES_LOCKOUT_TEMPLATE = "lockout.html"

# Videos embed from bilibili, Tencent Video, Youku and YouTube only, as their own players
# (jindu.pages.embeds); no oEmbed request leaves the server, and the policies frame just those.
WAGTAILEMBEDS_FINDERS = [{"class": "jindu.pages.embeds.VideoSiteFinder"}]
PLAYER_ORIGINS = [
    "https://player.bilibili.com",
    "https://v.qq.com",
    "https://player.youku.com",
    "https://www.youtube-nocookie.com",
]

# Security headers (also see production.py for HSTS and secure cookies).
ADMIN_PATH_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *PLAYER_ORIGINS],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin uses inline scripts and styles, so it needs 'unsafe-inline'; this looser
# policy applies only to URLs under ADMIN_PATH_PREFIX.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *PLAYER_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing is framed, except Wagtail's preview inside the admin, which Wagtail allows itself
# (same origin) on its preview views.
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "jindu.urls"
WSGI_APPLICATION = "jindu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite file under the project unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers (gunicorn, the task worker, a command) write to the same file. Write
    # transactions take the lock when they begin (IMMEDIATE), so a reader that later wants to
    # write can never deadlock into "database is locked"; a writer waits up to 20 s for the
    # lock instead of failing at once; WAL lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese is the default language and has no URL prefix; English lives under /en/.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", _("Chinese (Simplified)")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
# A new translation of a live page starts as a draft: it goes live through review like any
# page (wagtail-localize would otherwise publish it at once, in the source language).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Our catalogue first; then Chinese for Wagtail and wagtail-localize strings their own
# catalogues lack (kept by hand: makemessages writes only to the first).
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "locale_wagtail"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True
# What staff may choose in their account settings: the zones the agencies work in (the full
# list also holds names browsers no longer know, which broke the account page's script).
# Plausible event dates (campaigns.models.events.event_window).
EVENT_EARLIEST = datetime.date(int(os.environ.get("EVENT_EARLIEST_YEAR", "2000")), 1, 1)
EVENT_YEARS_AHEAD = int(os.environ.get("EVENT_YEARS_AHEAD", "2"))
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "UTC"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Serve uploaded images from this process when nothing else does (see urls.py).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Files no web server may serve (event photos with pupils in them): outside MEDIA_ROOT,
# given out only by views that check who asks (campaigns.field.evidence).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
# Where `manage.py backup` writes its archives and how many it keeps (docs/deploy.md).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-is-never-served/"},
    },
}

# Caches that must agree between processes are shared: with no Redis (REDIS_URL, see
# production.py) they live in files under CACHE_DIR, which every worker, the task worker
# and commands on this machine read and write.
CACHE_DIR = Path(os.environ.get("CACHE_DIR", BASE_DIR / ".cache"))
# How long a public page may be kept, by the page cache and by shared caches in front
# (s-maxage), unless a change empties them sooner (jindu.serving.invalidation)...
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# ...and pages that show back-office records, which purge nothing (events, campaign
# figures, the station directory): jindu.serving.headers.LiveFiguresMixin.
LIVE_PAGE_SECONDS = int(os.environ.get("LIVE_PAGE_SECONDS", "60"))
CACHES = {
    # Rate limits and Wagtail's site root paths.
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR / "default"),
    },
    # Whole anonymous pages (wagtail-cache), emptied as a whole by a change.
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR / "pages"),
        "TIMEOUT": PAGE_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Wagtail's image renditions (which file serves an image at a size).
    "renditions": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR / "renditions"),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
WAGTAIL_CACHE = env_bool("PAGE_CACHE", True)
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_HEADER = "X-Page-Cache"

# Background work (Wagtail's reference index, image focal points, file deletion and CDN
# purges; our talk-request notices) runs at once in development. Production keeps it in the
# database for `manage.py db_worker` (django-tasks-db), so nothing is lost on a restart.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The largest spreadsheet (in rows) one import takes (jindu.spreadsheets.importer).
SPREADSHEET_IMPORT_MAX_ROWS = int(os.environ.get("SPREADSHEET_IMPORT_MAX_ROWS", "50000"))
# A job whose task worker showed no sign of life for this long is taken to have died
# (`manage.py recover_imports`, every few minutes from cron). The largest import takes about
# a minute and the check reports progress every few hundred rows.
SPREADSHEET_IMPORT_STALLED_SECONDS = int(
    os.environ.get("SPREADSHEET_IMPORT_STALLED_SECONDS", "600")
)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@jindu.example")
# For django.core.mail.backends.filebased.EmailBackend (the browser tests read what was sent).
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]

WAGTAIL_SITE_NAME = "禁毒 Jindu"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No Gravatar in the admin: it is blocked in mainland China, the admin's policy allows only
# our own images, and it would send a hash of each staff member's email to a third party.
# Wagtail shows its own default avatar (or an uploaded one) instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for new versions (blocked by the admin's
# policy, and by networks in mainland China): upgrades are planned, see docs/deploy.md.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Uploads: known document types only, and size limits. SVG images are not accepted (they
# can carry script).
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "jindu.uploads.forms.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_MODEL = "jindu.JinduImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "jindu.uploads.forms.ImageForm"

# Wagtail's database backend (SQLite FTS5 or PostgreSQL), with Chinese word segmentation.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "jindu.search.backend"}}
# Feedback on events (campaigns.public.feedback): days it stays open after an event, answers one
# connection may give to an event's check (a whole class may share one school Wi-Fi; each
# phone answers once anyway), and the fewest answers shown publicly as a percentage (small
# groups stay private).
FEEDBACK_OPEN_DAYS = int(os.environ.get("FEEDBACK_OPEN_DAYS", "3"))
FEEDBACK_ANSWERS_PER_ADDRESS = int(os.environ.get("FEEDBACK_ANSWERS_PER_ADDRESS", "100"))
FEEDBACK_MIN_GROUP = int(os.environ.get("FEEDBACK_MIN_GROUP", "20"))
# Days the counts of what readers searched for are kept (jindu.search.terms).
SEARCH_TERMS_RETENTION_DAYS = int(os.environ.get("SEARCH_TERMS_RETENTION_DAYS", "30"))
# W001 checks that page models reuse Page.search_fields' own field objects; ours replace the
# title field with a segmented copy (jindu.search.fields.segmented), so the identity check cannot
# pass. tests/test_search.py checks instead that every page model indexes the core fields.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]

WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILAPI_LIMIT_MAX = 50
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# School talk requests: submissions per IP (django-ratelimit) and how long requesters'
# contact details are kept before `erase_old_request_contacts` removes them.
TALK_REQUEST_RATE = os.environ.get("TALK_REQUEST_RATE", "5/h")
TALK_REQUEST_RETENTION_DAYS = int(os.environ.get("TALK_REQUEST_RETENTION_DAYS", "365"))
# The proxies in front of the app servers whose X-Forwarded-For is believed (addresses or
# networks); jindu.security.client_address then puts the visitor's address in REMOTE_ADDR,
# which every limit reads.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# When the limits' cache (Redis) is down, answers and requests go through rather than being
# refused with a false "already counted"; talk requests keep a limit in the database.
RATELIMIT_FAIL_OPEN = True
# Password reset emails per address asked for, and per visitor (jindu.security.lockout).
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "3/h")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
