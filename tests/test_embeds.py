"""Videos from the sites Chinese agencies use (bilibili, Tencent Video, Youku) and YouTube
embed as their own players, built from the address with no request to anyone; anything
else is refused in the editor, and the page's policy frames exactly those players."""

from django.core.exceptions import ValidationError

from wagtail.embeds.blocks import EmbedBlock

import pytest

from jindu.pages.embeds import player
from tests.factories import ArticlePageFactory, SectionPageFactory


@pytest.mark.parametrize(
    ("url", "provider", "src"),
    [
        (
            "https://www.bilibili.com/video/BV1GJ411x7h7/?p=2&spm_id_from=333",
            "哔哩哔哩",
            "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&page=2&autoplay=0&high_quality=1",
        ),
        (
            "https://m.bilibili.com/video/av170001",
            "哔哩哔哩",
            "https://player.bilibili.com/player.html?aid=170001&page=1&autoplay=0&high_quality=1",
        ),
        (
            "https://v.qq.com/x/cover/mzc00200abcd123/k0041abcdef.html",
            "腾讯视频",
            "https://v.qq.com/txp/iframe/player.html?vid=k0041abcdef&autoplay=false",
        ),
        (
            "https://v.qq.com/x/page/k0041abcdef.html",
            "腾讯视频",
            "https://v.qq.com/txp/iframe/player.html?vid=k0041abcdef&autoplay=false",
        ),
        (
            "https://v.youku.com/v_show/id_XNTk4MjY0NjUyOA==.html",
            "优酷",
            "https://player.youku.com/embed/XNTk4MjY0NjUyOA==",
        ),
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
    ],
)
def test_video_pages_become_their_sites_players(url, provider, src):
    assert player(url) == (provider, src)


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871",
        "javascript:alert(1)",
        "https://www.bilibili.com/video/BV1GJ411x7h7/../../evil",
        "https://evil.example/video/BV1GJ411x7h7",
        "https://v.qq.com/x/page/<script>.html",
    ],
)
def test_other_addresses_are_refused_in_the_editor(url, db):
    assert player(url) is None
    block = EmbedBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(url))


def test_a_bilibili_video_embeds_in_an_article_and_the_policy_frames_it(client, home):
    section = SectionPageFactory(parent=home, slug="news")
    article = ArticlePageFactory(
        parent=section,
        slug="film",
        body=[
            {
                "type": "video",
                "value": {
                    "video": "https://www.bilibili.com/video/BV1GJ411x7h7",
                    "caption": "禁毒宣传片",
                },
            }
        ],
    )
    response = client.get(article.url)
    html = response.content.decode()
    assert 'src="https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&amp;page=1' in html
    assert 'referrerpolicy="no-referrer"' in html and "禁毒宣传片" in html
    frame_src = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.split()[0] == "frame-src"
    )
    assert sorted(frame_src) == sorted(
        [
            "'self'",
            "https://player.bilibili.com",
            "https://v.qq.com",
            "https://player.youku.com",
            "https://www.youtube-nocookie.com",
        ]
    )
