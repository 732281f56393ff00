"""Hardening a reader or an attacker would notice: headers, production checks, login
throttling, upload limits, and user input that comes back inert."""

import os
import re
import secrets
import subprocess
import sys

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images.forms import get_image_form

import pytest

from jindu.models import JinduImage
from tests.factories import EventFactory, UserFactory, png_bytes


def test_public_pages_send_the_security_headers(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    csp = response["Content-Security-Policy"]
    assert (
        "default-src 'self'" in csp
        and "object-src 'none'" in csp
        and "frame-ancestors 'none'" in csp
    )
    assert "unsafe-inline" not in csp
    assert "script-src 'self'" in csp
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_gets_its_own_looser_policy(client, home):
    client.force_login(UserFactory(is_superuser=True))
    csp = client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp
    assert "frame-ancestors 'self'" in csp


def test_the_admin_may_frame_a_preview_and_nothing_else_may_frame_the_page(client, home):
    """The live preview panel frames the page's preview: Wagtail renders it with the page's
    own path through the middleware (a dummy request), where the public policy
    (frame-ancestors 'none') made the panel blank."""
    preview = home.specific.make_preview_request()
    assert preview.status_code == 200
    csp = preview["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "unsafe-inline" not in csp  # still the page's own policy
    assert "frame-ancestors 'none'" in client.get("/")["Content-Security-Policy"]


def test_admin_avatars_are_served_by_the_site_not_gravatar(client, home):
    """Gravatar is unreachable from mainland China and the admin's policy would block it:
    staff would see a broken picture on every admin page."""
    client.force_login(UserFactory(is_superuser=True, email="wang.lihua@example.org"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    avatars = re.findall(r'"avatarUrl": "([^"]*)"', html)  # the menu's account button
    assert avatars, "the admin menu shows no avatar"
    assert all(avatar.startswith("/static/") for avatar in avatars), avatars
    assert "gravatar" not in html


def test_public_html_has_no_inline_script(client, home):
    html = client.get("/").content.decode()
    assert "<script>" not in html and "<script " not in html.replace('<script src="', "")


def _production_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        DJANGO_SETTINGS_MODULE="jindu.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="jindu.example",
        **extra,
    )
    return env


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    # The settings alone, on an empty database: the checks of what a database holds (the
    # site's address, tests/test_reader_site.py) do not depend on the developer's own.
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=_production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}"),
        capture_output=True,
        text=True,
        check=False,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_refuses_mail_that_would_print_reset_links_to_the_log(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env=_production_env(
            DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        ),
        capture_output=True,
        text=True,
        check=False,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert result.returncode != 0
    assert "jindu.E002" in result.stderr + result.stdout


def test_production_cookies_are_secure_and_http_only():
    code = (
        "import jindu.settings.production as s;"
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS >= 15552000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=_production_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == ["True", "True", "True", "True"], result.stderr


# Login throttling


def login(client, username, password, ip):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_repeated_wrong_passwords_lock_that_account_from_that_address(client, db):
    UserFactory(username="victim", password="the right password 626", is_superuser=True)
    for _ in range(5):
        login(client, "victim", "wrong", "203.0.113.9")
    locked = login(client, "victim", "the right password 626", "203.0.113.9")
    assert locked.status_code == 429
    # Another address is not locked out with the attacker: the real user can still sign in.
    ok = login(client, "victim", "the right password 626", "198.51.100.20")
    assert ok.status_code == 302


def behind_the_proxy(client, username, password, forwarded_for):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_our_proxy_each_visitor_is_counted_at_their_own_address(client, db, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    UserFactory(username="victim", password="the right password 626", is_superuser=True)
    # The attacker also forges a header naming the real user's address: it stands to the
    # left of what the proxy appended, where nothing is read.
    for _ in range(5):
        behind_the_proxy(client, "victim", "wrong", "198.51.100.20, 203.0.113.9")
    assert (
        behind_the_proxy(client, "victim", "the right password 626", "203.0.113.9").status_code
        == 429
    )
    ok = behind_the_proxy(client, "victim", "the right password 626", "198.51.100.20")
    assert ok.status_code == 302


def test_a_forwarded_address_sent_straight_to_an_app_server_is_not_believed(client, db, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    UserFactory(username="victim", password="the right password 626", is_superuser=True)
    for n in range(5):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "victim", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    assert login(client, "victim", "the right password 626", "203.0.113.9").status_code == 429


def test_lockout_expires_after_the_cool_off(client, db, settings):
    import datetime

    import time_machine

    UserFactory(username="user1", password="the right password 626", is_superuser=True)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        for _ in range(5):
            login(client, "user1", "wrong", "203.0.113.9")
        assert login(client, "user1", "the right password 626", "203.0.113.9").status_code == 429
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, 1, tzinfo=datetime.UTC), tick=False):
        assert login(client, "user1", "the right password 626", "203.0.113.9").status_code == 302


def test_password_validators_refuse_weak_passwords(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678")


# Uploads


def test_svg_images_are_refused(db):
    form = get_image_form(JinduImage)(
        data={"title": "logo", "description": "标志"},
        files={
            "file": SimpleUploadedFile(
                "logo.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml"
            )
        },
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_oversized_images_are_refused(db, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    form = get_image_form(JinduImage)(
        data={"title": "big", "description": "大图"},
        files={
            "file": SimpleUploadedFile("big.png", png_bytes((200, 200)), content_type="image/png")
        },
    )
    assert not form.is_valid()


@pytest.mark.parametrize(
    ("name", "size", "ok"),
    [
        ("leaflet.pdf", 1000, True),
        ("run.exe", 10, False),
        ("page.html", 10, False),
        ("huge.pdf", 30 * 1024 * 1024, False),
    ],
)
def test_document_types_and_size(db, name, size, ok):
    from wagtail.documents.forms import get_document_form

    form_class = get_document_form(get_document_model())
    form = form_class(
        data={"title": name, "collection": 1},
        files={"file": SimpleUploadedFile(name, b"%PDF-1.4\n" + b"x" * size)},
        user=UserFactory(is_superuser=True),
    )
    assert form.is_valid() is ok, form.errors


# Input that comes back inert

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_event_titles_are_escaped_on_public_pages_feeds_and_admin(client, home, en_home):
    import datetime

    from campaigns.models import EventIndexPage

    page = home.add_child(instance=EventIndexPage(title="活动", slug="events"))
    soon = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2)
    event = EventFactory(
        title=XSS,
        description=XSS,
        is_public=True,
        status="planned",
        start=soon,
        end=soon + datetime.timedelta(hours=1),
    )
    for url in (page.url, f"{page.url}{event.pk}/"):
        html = client.get(url).content.decode()
        assert XSS not in html
        assert "&lt;script&gt;" in html
    client.force_login(UserFactory(is_superuser=True))
    for url in (
        reverse("wagtailsnippets_campaigns_event:list"),
        reverse("campaigns_calendar") + f"?date={soon.date()}",
    ):
        html = client.get(url).content.decode()
        assert '<script>alert("x")</script>' not in html


def test_request_fields_are_escaped_in_the_admin(client, home):
    from campaigns.models import TalkRequest

    event = EventFactory(status="requested")
    TalkRequest.objects.create(
        event=event,
        school_name=XSS,
        contact_name="<script>alert(2)</script>",
        contact_phone="021-1",
        preferred_dates=XSS,
        grades="五年级",
        audience_size=10,
        topic=XSS,
    )
    client.force_login(UserFactory(is_superuser=True))
    html = client.get(reverse("wagtailsnippets_campaigns_talkrequest:list")).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "<script>alert(2)</script>" not in html
    inspect = client.get(
        reverse("wagtailsnippets_campaigns_talkrequest:inspect", args=[event.request.pk])
    ).content.decode()
    assert '<script>alert("x")</script>' not in inspect
    assert "<script>alert(2)</script>" not in inspect


def test_search_terms_are_escaped_when_echoed(client, home):
    html = client.get("/search/", {"q": XSS}).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "onerror=alert(1)>" not in html


def test_reset_emails_are_limited_per_account_and_the_page_never_says_so(client, db, settings):
    from django.core import mail

    settings.PASSWORD_RESET_RATE = "3/h"
    UserFactory(username="victim", email="victim@jindu.example", password="x" * 20)
    responses = [
        client.post(
            reverse("wagtailadmin_password_reset"),
            {"email": "victim@jindu.example"},
            REMOTE_ADDR=f"198.51.100.{n}",
        )
        for n in range(5)
    ]
    assert len(mail.outbox) == 3
    assert {response["Location"] for response in responses} == {
        reverse("wagtailadmin_password_reset_done")
    }
