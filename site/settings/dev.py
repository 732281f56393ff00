"""Local development: DEBUG on, a generated secret key, console email."""

import os

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool

DEBUG = env_bool("DEBUG", True)

# A development key that survives restarts (sessions stay valid) without ever being committed.
_key_file = BASE_DIR / ".venv" / "dev-secret-key"
if os.environ.get("SECRET_KEY"):
    SECRET_KEY = os.environ["SECRET_KEY"]
elif _key_file.parent.is_dir():
    if not _key_file.exists():
        _key_file.write_text(get_random_secret_key())
    SECRET_KEY = _key_file.read_text().strip()
else:
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = ["*"]
# Template and code changes show at once while developing; PAGE_CACHE=1 turns the page
# cache on.
WAGTAIL_CACHE = env_bool("PAGE_CACHE", False)

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
