import gc
import os

from django.core.wsgi import get_wsgi_application
from django.db import connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jindu.settings.production")

application = get_wsgi_application()

# Load what every worker needs before gunicorn forks (``preload_app``, deploy/gunicorn.py),
# so the workers share one copy instead of each building its own on its first requests.
# gc.freeze keeps the collector from touching (and so copying) it afterwards.
from django.urls import reverse  # noqa: E402

from jindu.pages.site_address import warn_if_local  # noqa: E402
from jindu.search.words import load_dictionaries  # noqa: E402

load_dictionaries()  # jieba's dictionary
# The URLconf, which Django loads on the first request, imports every view module and what
# they use (the PDF and spreadsheet libraries, the admin): ~30 MB in each worker before.
# Reversing a URL loads it and builds the resolver's lookup tables.
reverse("search")
warn_if_local()  # a production site still at http://localhost/ says so, once, at start-up
# Workers keep their database connection between requests (CONN_MAX_AGE): one opened here
# would be inherited by every forked worker, which would then talk over the same socket.
connections.close_all()
gc.freeze()
