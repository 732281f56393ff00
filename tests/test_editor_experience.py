"""What editors meet in the admin: every body block previews, images need alt text, and
search promotions put a chosen page at the top of the results."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images.forms import get_image_form

import pytest

from jindu.models import JinduImage
from jindu.pages.blocks import BodyBlock, QuizQuestionBlock
from tests.factories import ArticlePageFactory, SectionPageFactory, png_bytes


@pytest.mark.parametrize("name", list(BodyBlock.base_blocks) + ["quiz_question"])
def test_every_block_has_description_preview_and_renders_it(name, db):
    block = QuizQuestionBlock() if name == "quiz_question" else BodyBlock.base_blocks[name]
    assert block.meta.icon
    assert block.get_description()
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_image_without_alt_text_is_refused(db):
    form_class = get_image_form(JinduImage)
    upload = SimpleUploadedFile("poster.png", png_bytes(), content_type="image/png")
    form = form_class(data={"title": "海报", "description": ""}, files={"file": upload})
    assert not form.is_valid()
    assert "description" in form.errors
    upload = SimpleUploadedFile("poster.png", png_bytes(), content_type="image/png")
    form = form_class(data={"title": "海报", "description": "禁毒海报"}, files={"file": upload})
    assert form.is_valid(), form.errors


def test_search_promotion_is_shown_above_results(client, home):
    section = SectionPageFactory(parent=home, slug="news")
    hotline = ArticlePageFactory(parent=section, title="24小时求助热线", slug="hotline")
    query = Query.get("戒毒")
    SearchPromotion.objects.create(
        query=query, page=hotline, description="全天有人接听", sort_order=0
    )
    html = client.get("/search/", {"q": "戒毒"}).content.decode()
    assert "全天有人接听" in html
    assert "24小时求助热线" in html


def test_a_chinese_slug_is_saved_as_pinyin_and_a_latin_one_is_kept(home):
    from wagtail.admin.panels import get_edit_handler

    from jindu.models import ArticlePage
    from tests.factories import ArticlePageFactory, SectionPageFactory, UserFactory

    section = SectionPageFactory(parent=home, slug="news")
    ArticlePageFactory(parent=section, slug="yuanli-dupin-zhenai-shengming")
    form_class = get_edit_handler(ArticlePage).get_form_class()

    def cleaned(slug):
        form = form_class(
            instance=ArticlePage(), parent_page=section, for_user=UserFactory(is_superuser=True)
        )
        form.cleaned_data = {"slug": slug}
        return form.clean_slug()

    assert cleaned("2027年6·26国际禁毒日") == "2027-nian-6-26-guojijinduri"
    assert cleaned("stay-away") == "stay-away"
    # Converted before Wagtail checks the siblings, so a clash is the usual form error.
    form = form_class(
        instance=ArticlePage(), parent_page=section, for_user=UserFactory(is_superuser=True)
    )
    form.cleaned_data = {"slug": cleaned("远离毒品，珍爱生命")}
    form.clean()
    assert "slug" in form.errors


def test_editors_make_the_campaign_a_campaign_page_needs_but_not_events(client, home):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from campaigns.roles import ensure_campaign_permissions
    from jindu.editorial.roles import EDITORS, ensure_editorial_groups
    from tests.factories import UserFactory

    ensure_editorial_groups([home])
    ensure_campaign_permissions()
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_campaigns_campaign:add")).status_code == 200
    assert client.get(reverse("wagtailsnippets_campaigns_event:list")).status_code == 302
