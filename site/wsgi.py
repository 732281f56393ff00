import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jindu.settings.production")

application = get_wsgi_application()

# Load what every worker needs before gunicorn forks (``preload_app``, deploy/gunicorn.py):
# jieba's dictionary and the page models, read once and shared by the workers instead of
# loaded again in each. gc.freeze keeps the collector from touching (and so copying) them.
from jindu.search import load_dictionaries  # noqa: E402
from jindu.site_address import warn_if_local  # noqa: E402

load_dictionaries()
warn_if_local()  # a production site still at http://localhost/ says so, once, at start-up
gc.freeze()
