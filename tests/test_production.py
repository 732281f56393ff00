"""The production setup: static files build with hashed, compressed names; REDIS_URL,
S3 and CDN purge switch on from the environment."""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_production(code, setup=True, **env):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment.update(
        DJANGO_SETTINGS_MODULE="jindu.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", ("import django; django.setup();" if setup else "") + code],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_collectstatic_builds_hashed_compressed_files(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment.update(
        DJANGO_SETTINGS_MODULE="jindu.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        STATIC_ROOT=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["jindu/css/site.css"]
    assert hashed != "jindu/css/site.css"
    assert (tmp_path / (hashed + ".gz")).exists()
    assert "vendor/chartjs/chart.umd.min.js" in manifest


def test_whitenoise_serves_static_in_production():
    result = run_production("from django.conf import settings; print(settings.MIDDLEWARE[1])")
    assert result.stdout.strip() == "whitenoise.middleware.WhiteNoiseMiddleware", result.stderr


def test_redis_cache_when_redis_url_is_set():
    result = run_production(
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        REDIS_URL="redis://127.0.0.1:6379/9",
    )
    assert result.stdout.strip() == "django_redis.cache.RedisCache", result.stderr


def test_redis_cache_works_against_a_real_server():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis server at 127.0.0.1:6379")
    result = run_production(
        "from django.core.cache import cache; cache.set('jindu-test', '禁毒', 10); print(cache.get('jindu-test'))",
        REDIS_URL="redis://127.0.0.1:6379/9",
    )
    assert result.stdout.strip() == "禁毒", result.stderr


def test_s3_media_and_cdn_purge_from_the_environment():
    # Read the settings module only: the s3 extra (django-storages) need not be installed.
    result = run_production(
        "import jindu.settings.production as settings;"
        "print(settings.STORAGES['default']['BACKEND']);"
        "print(settings.WAGTAILFRONTENDCACHE['default']['LOCATION'])",
        AWS_STORAGE_BUCKET_NAME="jindu-media",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
        setup=False,
    )
    assert result.stdout.split() == ["storages.backends.s3.S3Storage", "http://127.0.0.1:6081"], (
        result.stderr
    )


def test_page_cache_gets_its_own_redis_database():
    # Emptying the page cache (FLUSHDB) must not take rate limits and renditions with it.
    result = run_production(
        "from django.conf import settings; c = settings.CACHES;"
        "print(c['default']['LOCATION']); print(c['pages']['LOCATION'])",
        REDIS_URL="redis://127.0.0.1:6379/4",
    )
    assert result.stdout.split() == ["redis://127.0.0.1:6379/4", "redis://127.0.0.1:6379/5"], (
        result.stderr
    )


def test_caches_that_must_agree_are_shared_by_workers_without_redis():
    result = run_production(
        "from django.core.cache import caches\n"
        "from django.core.cache.backends.filebased import FileBasedCache\n"
        "print(isinstance(caches['default'], FileBasedCache), isinstance(caches['pages'], FileBasedCache))"
    )
    assert result.stdout.split() == ["True", "True"], result.stderr


def test_background_tasks_are_kept_in_the_database():
    result = run_production(
        "from django_tasks import task_backends; print(type(task_backends['default']).__name__)"
    )
    assert result.stdout.strip() == "DatabaseBackend", result.stderr


def test_serve_media_serves_images_but_never_documents():
    # Documents go through Wagtail's view, which checks who may see them.
    result = run_production(
        "from django.urls import Resolver404, resolve\n"
        "for path in ['/media/images/a.jpg', '/media/original_images/a.jpg', '/media/documents/a.pdf']:\n"
        "    try:\n"
        "        print(path, resolve(path).func.__module__)\n"
        "    except Resolver404:\n"
        "        print(path, 'not-found')",
        SERVE_MEDIA="1",
    )
    assert result.stdout.split("\n")[:3] == [
        "/media/images/a.jpg django.views.static",
        "/media/original_images/a.jpg django.views.static",
        "/media/documents/a.pdf not-found",
    ], result.stderr


def test_workers_keep_their_database_connection_between_requests(tmp_path, monkeypatch):
    # Opening a connection cost half of an article's render on SQLite (docs/benchmarks.md).
    monkeypatch.delenv("CONN_MAX_AGE", raising=False)
    result = run_production(
        "from django.core import signals\n"
        "from django.db import connection\n"
        "from django.db.backends.signals import connection_created\n"
        "opened = []\n"
        "connection_created.connect(lambda **kwargs: opened.append(1), weak=False)\n"
        "for _ in range(3):\n"
        "    signals.request_started.send(sender=None)\n"
        "    connection.cursor().execute('SELECT 1')\n"
        "    signals.request_finished.send(sender=None)\n"
        "print(len(opened), connection.settings_dict['CONN_HEALTH_CHECKS'])",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
    )
    opened, health_checks = result.stdout.split()
    assert int(opened) <= 1, result.stderr  # three requests, at most one connection opened
    assert health_checks == "True"


def test_no_database_connection_is_left_open_for_the_workers_to_share(tmp_path, monkeypatch):
    # gunicorn loads the application once and forks its workers (preload_app): a connection
    # opened while loading would be shared by all of them, and they keep connections.
    monkeypatch.delenv("CONN_MAX_AGE", raising=False)
    result = run_production(
        "import jindu.wsgi\n"
        "from django.db import connections\n"
        "print([alias for alias in connections if connections[alias].connection is not None])",
        setup=False,
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
    )
    assert result.stdout.strip() == "[]", result.stderr


def test_the_views_are_loaded_before_the_workers_are_forked():
    # Loaded on the first request instead, every worker kept its own copy of each view
    # module and the libraries they import (~30 MB each; docs/benchmarks.md).
    result = run_production(
        "import sys\n"
        "import jindu.wsgi\n"
        "print(all(name in sys.modules for name in ('jindu.urls', 'jindu.uploads.pdf', 'reportlab')))",
        setup=False,
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.stdout.strip() == "True", result.stderr
