from wagtail.models import Locale, Page, Site

import pytest

from jindu.demo import ensure_locales
from jindu.localization import translate
from tests.factories import HomePageFactory


@pytest.fixture
def locales(db):
    ensure_locales()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(locales):
    """The Chinese home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    root.get_children().delete()
    home = HomePageFactory(parent=root, locale=locales["zh-hans"])
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def en_home(home):
    return translate(home, "en", {home.title: "Stay away from drugs", "home": "home-en"})


@pytest.fixture
def english():
    """Run a test in English (the site's default language is Chinese)."""
    from django.utils import translation

    with translation.override("en"):
        yield
