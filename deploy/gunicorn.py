"""gunicorn settings for Jindu (``gunicorn -c deploy/gunicorn.py jindu.wsgi``).

The application (Django, Wagtail, jieba's dictionary) is loaded once before the workers
are forked, so they share its memory instead of each loading their own copy."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Requests that a slow client keeps open do not hold a worker's whole memory for long.
keepalive = 5
