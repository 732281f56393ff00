"""The foundation a reader and an operator notice: both languages are served, the language
switcher keeps readers on the same content, demo accounts take the password the operator
chose, and production refuses to start without a secret."""

import os
import subprocess
import sys
from io import StringIO

from django.core.management import BaseCommand, call_command

from wagtail.models import Site

import pytest

from jindu.models import SiteSettings


def test_chinese_home_page_renders_in_chinese(client, home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "跳到主要内容" in html
    assert home.title in html


def test_english_home_page_renders_in_english(client, en_home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    assert "Stay away from drugs" in html


def test_the_english_home_is_the_chinese_homes_translation_for_search_engines(client, en_home):
    """What a reader and a search engine see of the translation wagtail-localize made: each
    home names the other as its alternate in the other language."""
    zh = client.get("/").content.decode()
    en = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/">' in zh
    assert '<link rel="alternate" hreflang="zh-Hans" href="http://localhost/">' in en


def test_language_switcher_links_both_ways(client, en_home):
    zh = client.get("/").content.decode()
    assert 'href="/en/" hreflang="en"' in zh
    en = client.get("/en/").content.decode()
    assert 'href="/" hreflang="zh-Hans"' in en


def test_language_switcher_falls_back_to_home_of_untranslated_language(client, home, locales):
    html = client.get("/").content.decode()
    # No English translation yet: no link to a page that does not exist.
    assert 'hreflang="en"' not in html


def test_footer_shows_hotline_and_station_link_from_site_settings(client, home):
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.hotline_number = "021-5555-0626"
    site_settings.station_directory_page = home
    site_settings.save()
    html = client.get("/").content.decode()
    assert "021-5555-0626" in html
    assert 'href="tel:02155550626"' in html
    assert "查找身边的禁毒社工站" in html


def test_footer_hides_hotline_when_not_configured(client, home):
    html = client.get("/").content.decode()
    assert "24小时求助热线" not in html


def test_unknown_url_is_a_friendly_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "找不到" in response.content.decode()


# The whole demo's first and second runs, without DJANGO_SUPERUSER_PASSWORD, are in
# tests/test_demo_content.py (loaded once there); here the password an operator chooses.


def test_demo_accounts_take_the_password_the_operator_chose(db, monkeypatch):
    from jindu.demo import ensure_superuser, ensure_user

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-demo-password")
    command = BaseCommand(stdout=StringIO())
    admin = ensure_superuser(command)
    editor = ensure_user(command, "editor")
    assert admin.is_superuser and not editor.is_superuser
    assert admin.check_password("a-long-demo-password")
    assert editor.check_password("a-long-demo-password")
    assert "a-long-demo-password" not in command.stdout.getvalue()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "another-password-later")
    assert ensure_superuser(command).check_password("a-long-demo-password")  # kept


def test_no_missing_migrations(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize("secret", ["", None])
def test_production_settings_refuse_to_start_without_secret_key(secret):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    if secret is not None:
        env["SECRET_KEY"] = secret
    result = subprocess.run(
        [sys.executable, "-c", "import jindu.settings.production"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_start_with_secret_key():
    env = dict(os.environ, SECRET_KEY="x" * 50)
    result = subprocess.run(
        [sys.executable, "-c", "import jindu.settings.production as s; print(s.DEBUG)"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
