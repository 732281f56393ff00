"""`import_articles`: files like the seed articles import as drafts or published pages, a
re-import updates instead of duplicating, and a broken file is reported without stopping."""

import textwrap
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from jindu.models import ArticlePage
from tests.factories import SectionPageFactory

GOOD = """\
---
title: 上海禁毒社工十六年
date: 2019-11-07
section: news
tags: [禁毒社工, 上海]
audience: [parents, teachers]
source: 上海市自强社会服务总社
---
2003年8月，上海首次招聘**120名禁毒社工**。

## 禁毒宣传“六进”

- 进社区
- 进学校

更多见[自强总社](https://www.example.org/)。<script>alert(1)</script>
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def news(home):
    return SectionPageFactory(parent=home, title="工作动态", slug="news")


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
        failed = False
    except CommandError as error:
        err.write(str(error))
        failed = True
    return out.getvalue(), err.getvalue(), failed


def test_imports_a_draft_with_its_metadata(news, tmp_path):
    write(tmp_path, "2019-shanghai.md", GOOD)
    out, _err, failed = run(tmp_path)
    assert not failed
    assert "1 created, 0 updated, 0 unchanged, 0 failed" in out
    page = ArticlePage.objects.get(slug="2019-shanghai")
    assert page.get_parent().specific == news
    assert not page.live
    assert page.title == "上海禁毒社工十六年"
    assert str(page.published_date) == "2019-11-07"
    assert sorted(t.name for t in page.tags.all()) == ["上海", "禁毒社工"]
    assert sorted(a.code for a in page.audiences.all()) == ["parents", "teachers"]
    assert page.source == "上海市自强社会服务总社"
    kinds = [block.block_type for block in page.body]
    assert kinds == ["paragraph", "heading", "paragraph"]
    html = "".join(
        str(block.value.source) for block in page.body if block.block_type == "paragraph"
    )
    assert "<b>120名禁毒社工</b>" in html
    assert "<li>进社区</li>" in html
    assert 'href="https://www.example.org/"' in html
    assert "script" not in html


def test_reimport_updates_and_never_duplicates(news, tmp_path):
    path = write(tmp_path, "2019-shanghai.md", GOOD)
    run(path)
    out, _err, _failed = run(path)
    assert "0 created, 0 updated, 1 unchanged" in out
    path.write_text(
        GOOD.replace("上海禁毒社工十六年", "上海禁毒社工十六年（修订）"), encoding="utf-8"
    )
    out, _err, _failed = run(path)
    assert "0 created, 1 updated" in out
    assert ArticlePage.objects.filter(slug="2019-shanghai").count() == 1
    assert ArticlePage.objects.get(slug="2019-shanghai").title.endswith("（修订）")


def test_publish_flag_publishes(news, tmp_path, client):
    write(tmp_path, "2019-shanghai.md", GOOD)
    run(tmp_path, "--publish")
    page = ArticlePage.objects.get(slug="2019-shanghai")
    assert page.live
    assert client.get(page.url).status_code == 200


def test_dry_run_changes_nothing(news, tmp_path):
    write(tmp_path, "2019-shanghai.md", GOOD)
    out, _err, _failed = run(tmp_path, "--dry-run")
    assert "[dry run] created" in out
    assert not ArticlePage.objects.exists()


def test_broken_files_are_reported_and_good_files_still_import(news, tmp_path):
    write(tmp_path, "a-good.md", GOOD)
    write(tmp_path, "b-no-title.md", "---\ndate: 2019-01-01\n---\n正文\n")
    write(tmp_path, "c-bad-date.md", "---\ntitle: 标题\ndate: 2019-13-45\n---\n正文\n")
    write(tmp_path, "d-bad-yaml.md", "---\ntitle: [unclosed\n---\n正文\n")
    write(tmp_path, "e-unknown-section.md", "---\ntitle: 标题\nsection: nowhere\n---\n正文\n")
    (tmp_path / "f-latin1.txt").write_bytes("---\ntitle: caf\xe9\n---\nbody\n".encode("latin-1"))
    out, err, failed = run(tmp_path)
    assert failed
    assert "1 created, 0 updated, 0 unchanged, 5 failed" in err
    # Commands speak the site's default language, Chinese.
    assert "b-no-title.md: 文件头信息中没有标题（title）。" in err
    assert "c-bad-date.md: 文件头信息不是有效的 YAML：month must be in 1..12" in err
    assert "d-bad-yaml.md: 文件头信息不是有效的 YAML" in err
    assert "e-unknown-section.md: 没有网址名为“nowhere”的栏目。" in err
    assert "f-latin1.txt: 文件不是 UTF-8 编码的文本。" in err
    assert ArticlePage.objects.count() == 1


def test_translation_of_creates_the_english_translation(news, en_home, tmp_path, client):
    write(tmp_path, "zh.md", GOOD.replace("title:", "slug: sixteen-years\ntitle:"))
    write(
        tmp_path,
        "en.md",
        "---\ntitle: Sixteen years of social workers\nslug: sixteen-years\nlanguage: en\n"
        "translation_of: sixteen-years\ndate: 2019-11-07\n---\nIn August 2003 Shanghai hired 120 social workers.\n",
    )
    out, err, failed = run(tmp_path, "--publish")
    assert not failed, err
    chinese = ArticlePage.objects.get(locale__language_code="zh-hans", slug="sixteen-years")
    english = ArticlePage.objects.get(locale__language_code="en", slug="sixteen-years")
    assert english.translation_key == chinese.translation_key
    assert english.url.startswith("/en/")
    assert "Sixteen years of social workers" in client.get(english.url).content.decode()
    out, _err, _failed = run(tmp_path, "--publish")
    assert "2 unchanged" in out


def test_seed_style_plain_text_imports(news, tmp_path):
    write(
        tmp_path,
        "pinghu.txt",
        "---\ntitle: 平湖市生命阳光社工服务社\ndate: 2016-05-05\ntags: 禁毒, 平湖\n---\n"
        "平湖市生命阳光社工服务社成立于2012年12月17日。\n\n三年来开展禁毒教育活动3000余场。\n",
    )
    out, _err, failed = run(tmp_path)
    assert not failed
    page = ArticlePage.objects.get(slug="pinghu")
    assert sorted(t.name for t in page.tags.all()) == ["平湖", "禁毒"]
    assert page.intro == "平湖市生命阳光社工服务社成立于2012年12月17日。"
