"""Every user-facing string has its Chinese translation, and the compiled catalogue that
Django actually reads matches the .po file editors and developers edit."""

import json
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "site" / "locale"


@pytest.fixture(scope="module")
def zh_po():
    return polib.pofile(str(LOCALE_DIR / "zh_Hans" / "LC_MESSAGES" / "django.po"))


def test_every_string_is_translated_to_chinese(zh_po):
    untranslated = [e.msgid for e in zh_po.untranslated_entries()]
    fuzzy = [e.msgid for e in zh_po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_compiled_catalogue_matches_po(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    expected = {_key(e): _value(e) for e in po.translated_entries()}
    compiled = {_key(e): _value(e) for e in mo if e.msgid}
    assert compiled == expected, "run `make messages` to recompile the catalogues"


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def _value(entry):
    plural = {int(k): v for k, v in entry.msgstr_plural.items()}
    return entry.msgstr, tuple(sorted(plural.items()))


@pytest.mark.django_db
def test_our_catalogue_does_not_rename_wagtails_menu(client):
    """Our pagination's "Pages" (分页) once overrode Wagtail's menu entry "Pages" (页面)."""
    import json
    import re

    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    labels = re.findall(
        r'"label": "([^"]*)"', json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    )
    assert "页面" in labels
    assert "分页" not in labels


@pytest.mark.django_db
def test_wagtail_strings_its_catalogue_lacks_read_as_chinese(client):
    """site/locale_wagtail holds every string Wagtail 7.4's and wagtail-localize 1.14's own
    zh_Hans catalogues lack: every line of it is in effect (with its context and plural),
    the admin's and wagtail-localize's script catalogues carry the script strings, and a
    form with errors offers 转到第一个错误."""
    from django.urls import reverse
    from django.utils import translation

    from tests.factories import UserFactory

    folder = LOCALE_DIR.parent / "locale_wagtail" / "zh_Hans" / "LC_MESSAGES"
    extra = polib.pofile(str(folder / "django.po"))
    assert len(extra) > 350
    with translation.override("zh-hans"):
        for entry in extra:
            if entry.msgid_plural:
                got = (
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, 2)
                )
                assert got == entry.msgstr_plural[0], entry.msgid
            elif entry.msgctxt:
                assert translation.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
            else:
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid
    client.force_login(UserFactory(is_superuser=True))
    scripts = polib.pofile(str(folder / "djangojs.po"))
    for catalogue in ("/admin/jsi18n/", "/admin/localize/jsi18n/"):
        js = client.get(catalogue, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        for entry in scripts:
            assert json.dumps(entry.msgid) in js, (catalogue, entry.msgid)
            if not entry.msgid_plural:
                assert json.dumps(entry.msgstr) in js, (catalogue, entry.msgid)
    assert any(entry.msgid == "Insert a block" for entry in scripts)
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        reverse("wagtailsnippets_campaigns_campaign:add"), {}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    html = response.content.decode()
    assert "转到第一个错误" in html
    assert "Go to the first error" not in html
