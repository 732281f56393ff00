"""Serving that survives failures: with Redis gone every page still answers (slower) and
the outage is logged once, not per request; without Redis the workers of one server, the
task worker and commands agree on every figure; SQLite takes two writers at once."""

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen

from django.test import override_settings

import pytest

from campaigns.models import TalkRequestPage
from tests.browser_site import manage_shell
from tests.factories import ArticlePageFactory, SectionPageFactory

DEAD_REDIS = "redis://127.0.0.1:1/0"


def dead_redis_caches():
    """The production caches (django-redis, failing soft) pointed at a port nobody answers."""
    dead = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": DEAD_REDIS,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
    }
    return {"default": dead, "pages": dead, "renditions": dead}


def test_every_public_page_and_the_admin_answer_with_redis_down(client, settings, home, caplog):
    section = SectionPageFactory(parent=home, slug="news")
    article = ArticlePageFactory(parent=section, slug="stay-away")
    form = home.add_child(instance=TalkRequestPage(title="预约禁毒讲座", slug="request"))
    urls = ["/", "/en/", section.url, article.url, section.url + "feed/", form.url]
    urls += ["/events.ics", "/sitemap.xml", "/search/?q=毒品", "/admin/login/", "/robots.txt"]
    settings.WAGTAIL_CACHE = True
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    with override_settings(CACHES=dead_redis_caches()), caplog.at_level(logging.ERROR):
        for _round in range(2):
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, url
                assert response.get("X-Page-Cache") != "hit"
        sent = client.post(form.url, {"school_name": ""})
        assert sent.status_code == 200
        # A publish empties a page cache it cannot reach without failing.
        article.save_revision().publish()
    # Said in the log, for the people who run the site.
    assert any(record.name.startswith("django_redis") for record in caplog.records)


# With the real site: production settings, gunicorn with 2 workers, caches in files shared by
# its processes (no Redis), the demo content (tests/browser_site.py). Marked real_site: they
# run with the browser tests, on the one site those start (`make test`'s second pass).


FIGURE = re.compile(r"<li><strong>([\d,]+)</strong>")


def person_times(site, path):
    with urlopen(site.url + path, timeout=30) as response:  # noqa: S310
        html = response.read().decode()
    return int(FIGURE.findall(html)[1].replace(",", ""))


HOTLINE = re.compile(r'class="call-number">([^<]+)<')


def hotline_shown(site, path):
    with urlopen(site.url + path, timeout=30) as response:  # noqa: S310
        return HOTLINE.findall(response.read().decode())[0]


@pytest.mark.real_site
def test_two_workers_and_a_command_agree_on_a_change_without_redis(site):
    """The page cache is a folder of files every process of the server shares: a change
    saved by a command (another process) shows at once on both workers."""
    paths = ["/", "/en/", "/news/"]
    before = {hotline_shown(site, path) for path in paths * 4}
    assert len(before) == 1
    changed = manage_shell(
        site,
        """
        from wagtail.models import Site
        from jindu.models import SiteSettings
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.hotline_number = "021-5555-0626"
        settings.save()
        """,
    )
    assert changed.returncode == 0, changed.stderr
    try:
        with ThreadPoolExecutor(4) as pool:
            after = set(pool.map(lambda path: hotline_shown(site, path), paths * 4))
        assert after == {"021-5555-0626"}
    finally:
        manage_shell(
            site,
            f"""
            from wagtail.models import Site
            from jindu.models import SiteSettings
            settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
            settings.hotline_number = "{before.pop()}"
            settings.save()
            """,
        )


@pytest.mark.real_site
def test_sqlite_takes_two_writers_at_once(site):
    writer = """
        import sys
        from django.db import OperationalError
        from campaigns.models import Material, StockMovement
        from schools.models import Station
        material, _ = Material.objects.get_or_create(name="并发测试宣传单", kind="leaflet")
        station = Station.objects.filter(locale__language_code="zh-hans").first()
        failed = 0
        for _ in range(150):
            try:
                StockMovement(material=material, station=station, kind="receipt", quantity=1).record()
            except OperationalError as error:
                failed += 1
                print(error, file=sys.stderr)
        print(failed)
        """
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: manage_shell(site, writer), range(2)))
    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stdout.split()[-1] == "0", result.stderr[-2000:]
    total = manage_shell(
        site,
        """
        from campaigns.models import Material, StockMovement
        print(StockMovement.objects.filter(material__name="并发测试宣传单").count())
        """,
    )
    assert total.stdout.split()[-1] == "300", total.stderr


def test_an_image_given_a_new_file_shows_its_new_rendition_on_the_next_request(client, home):
    from django.core.files.base import ContentFile

    from tests.factories import ImageFactory, png_bytes

    section = SectionPageFactory(parent=home, slug="news")
    image = ImageFactory()
    ArticlePageFactory(parent=section, slug="article", hero_image=image)
    first = client.get(section.url).content.decode()
    old_url = image.get_rendition("fill-480x270|format-webp").url
    assert old_url in first
    image.file = ContentFile(png_bytes(colour=(200, 30, 30)), name="new.png")
    image._set_image_file_metadata()
    image.save()
    image.renditions.all().delete()  # as Wagtail's image form does for a new file
    after = client.get(section.url).content.decode()
    new_url = type(image).objects.get(pk=image.pk).get_rendition("fill-480x270|format-webp").url
    assert new_url != old_url
    assert new_url in after and old_url not in after
