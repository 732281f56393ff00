"""Writing many records at once (jindu.demo.bulk, used by load_demo): each record is indexed for
search and its references recorded once, at the end, and the kept pages retired; afterwards
saves index as before. It turns the backends' AUTO_UPDATE off meanwhile, so this fails if a
Wagtail release stops honouring that option."""

from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from jindu.demo.bulk import saved_in_bulk
from jindu.models import ArticlePage
from tests.factories import ArticlePageFactory, ImageFactory, SectionPageFactory


def indexed(page):
    return IndexEntry.objects.filter(object_id=str(page.pk)).count()


def referenced(page):
    return ReferenceIndex.get_references_for_object(page).count()


def test_records_saved_in_bulk_are_indexed_and_referenced_once_at_the_end(client, settings, home):
    settings.WAGTAIL_CACHE = True
    section = SectionPageFactory(parent=home, slug="news")
    client.get(section.url)
    with saved_in_bulk():
        article = ArticlePageFactory(parent=section, title="远离冰毒", hero_image=ImageFactory())
        article.title = "远离冰毒，珍爱生命"
        article.save()
        # Nothing yet: not searchable, no references.
        assert indexed(article) == 0
        assert referenced(article) == 0
        client.get(section.url)
    assert indexed(article) == 1
    assert referenced(article) == 1  # its picture
    assert list(ArticlePage.objects.live().search("珍爱生命")) == [article]
    assert "远离冰毒，珍爱生命" in client.get(section.url).content.decode()
    # Afterwards each save indexes at once again.
    later = ArticlePageFactory(parent=section, title="拒绝摇头丸")
    assert indexed(later) == 1


def test_nothing_is_indexed_when_the_block_fails(home):
    section = SectionPageFactory(parent=home, slug="news")
    try:
        with saved_in_bulk():
            article = ArticlePageFactory(parent=section, title="远离冰毒")
            raise RuntimeError("the load failed")
    except RuntimeError:
        pass
    assert indexed(article) == 0
    later = ArticlePageFactory(parent=section, title="拒绝摇头丸")
    assert indexed(later) == 1
