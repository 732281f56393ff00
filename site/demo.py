"""Demo content of the public site: locales, the home page in Chinese and its English
translation (made through wagtail-localize), the site settings and a superuser."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page, Site

from jindu.localization import translate
from jindu.models import HomePage, SiteSettings

HOME_ZH = {
    "title": "远离毒品，珍爱生命",
    "intro": (
        "<p>禁毒社工走进学校、社区和企业，开展毒品预防教育。"
        "在这里了解毒品危害，查找身边的禁毒社工站，获得帮助。</p>"
    ),
}
HOME_EN = {
    "远离毒品，珍爱生命": "Stay away from drugs, cherish life",
    "home": "home",
    "禁毒社工走进学校、社区和企业，开展毒品预防教育。在这里了解毒品危害，查找身边的禁毒社工站，获得帮助。": (
        "Anti-drug social workers bring prevention education into schools, communities and "
        "workplaces. Learn about the harm drugs do, find the work station near you and get help."
    ),
}

# A demo number, clearly not a real service; agencies enter their own line in Settings.
DEMO_HOTLINE = "021-6100-0626"


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def ensure_home_page():
    """The Chinese home page at the root of the tree, served by the default site."""
    home = HomePage.objects.filter(locale=default_locale(), depth=2).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's install creates a "Welcome" page as the default site's root. Replace it:
    # the site is removed first because deleting its root page would cascade to it.
    Site.objects.filter(is_default_site=True).delete()
    for page in root.get_children().filter(depth=2, content_type__model="page"):
        page.delete()
    home = root.add_child(
        instance=HomePage(
            title=HOME_ZH["title"],
            slug="home",
            intro=HOME_ZH["intro"],
            locale=default_locale(),
        )
    )
    home.save_revision().publish()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name=settings.WAGTAIL_SITE_NAME,
    )
    return home


def ensure_translated(page, strings, language_code="en"):
    """Translate once; a second run leaves the existing translation alone."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return translate(page, language_code, strings)


def ensure_site_settings(home):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    changed = False
    if not site_settings.hotline_number:
        site_settings.hotline_number = DEMO_HOTLINE
        changed = True
    if not site_settings.organisation_name:
        site_settings.organisation_name = "上海市自强社会服务总社（演示）"
        changed = True
    if changed:
        site_settings.save()
    return site_settings


def ensure_superuser(command):
    User = get_user_model()
    if User.objects.filter(username="admin").exists():
        return
    password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
    generated = not password
    if generated:
        password = secrets.token_urlsafe(12)
    User.objects.create_superuser("admin", "admin@jindu.example", password)
    if generated:
        command.stdout.write(
            f"Created superuser 'admin' with password: {password}\n"
            "It is shown only this once; set DJANGO_SUPERUSER_PASSWORD to choose your own."
        )
    else:
        command.stdout.write("Created superuser 'admin' (password from DJANGO_SUPERUSER_PASSWORD).")


def load(command):
    ensure_locales()
    ensure_superuser(command)
    home = ensure_home_page()
    ensure_translated(home, HOME_EN)
    ensure_site_settings(home)
