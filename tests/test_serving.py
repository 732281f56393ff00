"""Serving that survives failures: with Redis gone every page still answers (slower) and
the outage is logged once, not per request; without Redis the workers of one server, the
task worker and commands agree on every figure; SQLite takes two writers at once."""

import logging
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen

from django.test import override_settings

import pytest

from campaigns.models import TalkRequestPage
from tests.browser_site import ROOT
from tests.factories import ArticlePageFactory, SectionPageFactory

DEAD_REDIS = "redis://127.0.0.1:1/0"


def dead_redis_caches(settings):
    caches = dict(settings.CACHES)
    dead = {"BACKEND": "jindu.cache_backends.FailSoftRedisCache", "LOCATION": DEAD_REDIS}
    caches["default"] = dead
    caches["pages"] = {
        "BACKEND": "jindu.cache_backends.TieredPageCache",
        "OPTIONS": {"SHARED": dead},
    }
    caches["renditions"] = {
        "BACKEND": "jindu.cache_backends.TieredRenditionCache",
        "OPTIONS": {"SHARED": dead},
    }
    return caches


def test_every_public_page_and_the_admin_answer_with_redis_down(client, settings, home, caplog):
    section = SectionPageFactory(parent=home, slug="news")
    article = ArticlePageFactory(parent=section, slug="stay-away")
    form = home.add_child(instance=TalkRequestPage(title="预约禁毒讲座", slug="request"))
    urls = ["/", "/en/", section.url, article.url, section.url + "feed/", form.url]
    urls += ["/events.ics", "/sitemap.xml", "/search/?q=毒品", "/admin/login/", "/robots.txt"]
    settings.WAGTAIL_CACHE = True
    with override_settings(CACHES=dead_redis_caches(settings)), caplog.at_level(logging.WARNING):
        for _round in range(3):
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, url
                assert response.get("X-Page-Cache") != "hit"
        sent = client.post(form.url, {"school_name": ""})
        assert sent.status_code == 200
    outage = [r for r in caplog.records if r.name == "jindu.cache" and "unreachable" in r.message]
    # Once a minute for each of the three caches on Redis, not once per request.
    assert 1 <= len(outage) <= 3, [r.message for r in outage]


def test_a_cache_back_after_an_outage_is_used_again(settings, monkeypatch):
    from jindu import cache_backends

    cache = cache_backends.FailSoftRedisCache(DEAD_REDIS, {})
    assert cache.get("anything", "fallback") == "fallback"
    assert not cache.available
    monkeypatch.setattr(cache_backends, "RETRY_SECONDS", 0)
    cache._down_until = 0
    assert cache.available


# With the real site: production settings, gunicorn with 2 workers, caches in files shared by
# its processes (no Redis), the demo content (tests/browser_site.py). Marked real_site: they
# run with the browser tests, on the one site those start (`make test`'s second pass).


def manage_shell(site, code):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", textwrap.dedent(code)],
        env=site.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


FIGURE = re.compile(r"<li><strong>([\d,]+)</strong>")


def person_times(site, path):
    with urlopen(site.url + path, timeout=30) as response:  # noqa: S310
        html = response.read().decode()
    return int(FIGURE.findall(html)[1].replace(",", ""))


@pytest.mark.real_site
def test_two_workers_and_a_command_agree_on_the_campaign_figures_without_redis(site):
    found = manage_shell(
        site,
        """
        from wagtail.models import Locale
        from campaigns.models import CampaignPage
        pages = CampaignPage.objects.live().filter(locale__language_code="zh-hans")
        page = pages.order_by("-year").first()
        english = page.get_translation(Locale.objects.get(language_code="en"))
        print(page.pk, page.url, english.url)
        """,
    )
    assert found.returncode == 0, found.stderr
    page_id, chinese, english = found.stdout.splitlines()[-1].split()
    before = {person_times(site, chinese) for _ in range(8)}
    assert len(before) == 1
    recorded = manage_shell(
        site,
        f"""
        from campaigns.models import Attendance, EventStatus
        from campaigns.models import CampaignPage
        page = CampaignPage.objects.get(pk={page_id})
        event = page.campaign.events.filter(status=EventStatus.COMPLETED).exclude(attendance__group="others").first()
        Attendance.objects.create(event=event, group="others", count=37)
        """,
    )
    assert recorded.returncode == 0, recorded.stderr
    with ThreadPoolExecutor(4) as pool:
        after = set(pool.map(lambda path: person_times(site, path), [chinese, english] * 8))
    assert after == {before.pop() + 37}


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


def test_a_workers_copy_of_a_page_is_never_served_after_a_change(client, settings, home):
    """Each worker keeps copies of pages it read (jindu.cache_backends.TieredPageCache);
    they are keyed by the content generation, so a change shows at once all the same."""
    from django.core.cache import caches

    settings.WAGTAIL_CACHE = True
    section = SectionPageFactory(parent=home, slug="news")
    article = ArticlePageFactory(parent=section, slug="stay-away", title="远离毒品危害")
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    assert len(caches["pages"].worker._cache)  # the worker's copies are used
    article.title = "远离毒品危害（修订）"
    article.save_revision().publish()
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "远离毒品危害（修订）" in response.content.decode()


def test_emptying_the_page_cache_retires_every_workers_copies(client, settings, home):
    """Other workers keep copies in their own memory: emptying the shared cache (Settings →
    Cache) moves the site's generation on, so none of their copies is asked for again."""
    from django.core.cache import caches

    from jindu.caching import current_generation

    settings.WAGTAIL_CACHE = True
    section = SectionPageFactory(parent=home, slug="news")
    client.get(section.url)
    assert client.get(section.url)["X-Page-Cache"] == "hit"
    before = current_generation(section.url).header
    caches["pages"].clear()
    assert current_generation(section.url).header != before
    assert client.get(section.url)["X-Page-Cache"] == "miss"


def test_a_worker_asks_the_shared_cache_for_a_pages_pictures_only_once(
    client, settings, home, monkeypatch
):
    """Wagtail writes every rendition a page uses back to the cache on every use; a worker
    that holds it (jindu.cache_backends.TieredRenditionCache) asks the shared cache nothing,
    and an image given a new file shows its new rendition on the next request all the same."""
    from django.core.cache import caches

    from tests.factories import ImageFactory, png_bytes

    settings.FRAGMENT_CACHE = False  # every request renders the cards again
    section = SectionPageFactory(parent=home, slug="news")
    images = [ImageFactory() for _ in range(3)]
    for number, image in enumerate(images):
        ArticlePageFactory(parent=section, slug=f"article-{number}", hero_image=image)
    first = client.get(section.url).content.decode()
    shared = caches["renditions"].shared
    asked = []
    for name in ("get", "get_many", "set", "set_many", "add", "has_key"):
        method = getattr(shared, name)
        monkeypatch.setattr(
            shared,
            name,
            lambda *args, _name=name, _method=method, **kw: (
                asked.append(_name) or _method(*args, **kw)
            ),
        )
    assert client.get(section.url).content.decode() == first
    assert asked == []

    from django.core.files.base import ContentFile

    image = images[0]
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
