"""Demo content of the public site: locales, the home page, sections, articles, drug facts,
the quiz and downloads in Chinese with English translations made through wagtail-localize,
the editorial groups and review workflow, the site settings and a superuser.

Idempotent: every object is looked up before it is made, and a translation is redone only
when its Chinese source has changed."""

import datetime
import json
import os
import re
import secrets
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page, Site
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import TranslationSource

from jindu.editorial.localization import default_locale, translate
from jindu.editorial.roles import ensure_editorial_groups
from jindu.models import (
    ArticlePage,
    Audience,
    AudiencePage,
    DrugFactPage,
    DrugIndexPage,
    HomePage,
    QuizPage,
    Resource,
    ResourceLibraryPage,
    SectionPage,
    SiteSettings,
)
from jindu.pages.site_address import set_site_address
from jindu.uploads.pdf import text_document

from . import content, downloads, help, more
from .drugs import DRUGS
from .media import ensure_document, ensure_image
from .more import with_more

# A demo number, clearly not a real service; agencies enter their own line in Settings.
DEMO_HOTLINE = "021-6100-0626"
RICH_BLOCK = re.compile(r"<(p|h2|h3|li)>(.*?)</\1>", re.S)


def pairs(zh, en):
    """Source → translation for every string in two values of the same shape; rich text is
    paired paragraph by paragraph, as wagtail-localize segments it."""
    result = {}
    if isinstance(zh, str) and isinstance(en, str):
        zh_blocks, en_blocks = RICH_BLOCK.findall(zh), RICH_BLOCK.findall(en)
        if zh_blocks and len(zh_blocks) == len(en_blocks):
            result.update({z[1]: e[1] for z, e in zip(zh_blocks, en_blocks, strict=True)})
        else:
            result[zh] = en
    elif isinstance(zh, dict) and isinstance(en, dict):
        for key, value in zh.items():
            if key in en:
                result.update(pairs(value, en[key]))
    elif isinstance(zh, (list, tuple)) and isinstance(en, (list, tuple)):
        for z, e in zip(zh, en, strict=False):
            result.update(pairs(z, e))
    return result


def spec_pairs(spec):
    strings = pairs(spec["zh"], spec["en"])
    strings[spec["slug"]] = spec["en_slug"]
    return strings


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_translated(page, strings, language_code="en"):
    """Translate once, and again only when the source changed since the last translation."""
    locale = Locale.objects.get(language_code=language_code)
    page = page.specific
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        source = TranslationSource.objects.filter(
            object_id=page.translation_key, locale=page.locale
        ).first()
        if source and _translated_content(
            page, json.loads(source.content_json)
        ) == _translated_content(page, json.loads(page.to_json())):
            return existing.specific
    return translate(page, language_code, strings)


def _translated_content(page, content):
    """The part of a page's serialised content that a translation carries; tree data such
    as the number of children changes without the translation needing to."""
    names = {field.field_name for field in get_translatable_fields(type(page))}
    return {key: _parsed(value) for key, value in content.items() if key in names}


def _parsed(value):
    """StreamFields are serialised as JSON strings whose key order depends on the database
    (PostgreSQL's jsonb reorders keys); compare them as data."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fields))
    return publish(page)


def ensure_home_page():
    """The Chinese home page at the root of the tree, served by the default site."""
    root = Page.get_first_root_node()
    if root.title == "Root":  # Wagtail's name for it, shown in the Chinese page explorer
        root.title = root.draft_title = "根目录"
        root.save(update_fields=["title", "draft_title"])
    home = HomePage.objects.filter(locale=default_locale(), depth=2).first()
    if home is not None:
        return home
    # Wagtail's install creates a "Welcome" page as the default site's root. Replace it:
    # the site is removed first because deleting its root page would cascade to it.
    Site.objects.filter(is_default_site=True).delete()
    for page in root.get_children().filter(depth=2, content_type__model="page"):
        page.delete()
    home = root.add_child(
        instance=HomePage(
            title=content.HOME["zh"]["title"],
            slug="home",
            intro=content.HOME["zh"]["intro"],
            locale=default_locale(),
        )
    )
    publish(home)
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name=settings.WAGTAIL_SITE_NAME,
    )
    return home


def ensure_site_settings(station_directory=None, footer_links=()):
    """The demo's hotline, organisation, notice that it is a demonstration, and footer links
    (other apps add theirs: the talk request form, the events page)."""
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    changed = False
    linked = {block.value.pk for block in site_settings.footer_links if block.value}
    for page in footer_links:
        if page.pk not in linked:
            site_settings.footer_links.append(("page", page))
            changed = True
    if not site_settings.hotline_number:
        site_settings.hotline_number = DEMO_HOTLINE
        # Every page says the demo's numbers, stations and events are examples.
        site_settings.demo_notice = True
        changed = True
    if not site_settings.organisation_name:
        site_settings.organisation_name = "上海市自强社会服务总社（演示）"
        changed = True
    if station_directory is not None and site_settings.station_directory_page_id is None:
        site_settings.station_directory_page = station_directory
        changed = True
    if changed:
        site_settings.save()
    return site_settings


def ensure_user(command, username, *, groups=(), superuser=False):
    """A demo account. Its password is DJANGO_SUPERUSER_PASSWORD, or generated and printed
    once, when the account is created; never a fixed password."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
    generated = not password
    if generated:
        password = secrets.token_urlsafe(12)
    email = f"{username}@jindu.example"
    if superuser:
        user = User.objects.create_superuser(username, email, password)
    else:
        user = User.objects.create_user(username, email, password, is_staff=False)
    if groups:
        from django.contrib.auth.models import Group

        user.groups.add(*Group.objects.filter(name__in=groups))
    if generated:
        command.stdout.write(
            f"Created user '{username}' with password: {password}\n"
            "It is shown only this once; set DJANGO_SUPERUSER_PASSWORD to choose your own."
        )
    else:
        command.stdout.write(
            f"Created user '{username}' (password from DJANGO_SUPERUSER_PASSWORD)."
        )
    return user


def ensure_superuser(command):
    return ensure_user(command, "admin", superuser=True)


def _stream(blocks):
    return [{"type": kind, "value": value} for kind, value in blocks]


def _quiz_questions(questions):
    """The first option in the demo data is the right one; rotate it so the answers are not
    always at the top. Options are stored as list items with ids, the format wagtail-localize
    reads: in the older plain-list format their text is never offered for translation, and
    the English quiz answered in Chinese."""
    raw = []
    for number, question in enumerate(questions):
        options = [
            {
                "type": "item",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"quiz:{question['question']}:{text}")),
                "value": {"text": text, "correct": i == 0},
            }
            for i, text in enumerate(question["options"])
        ]
        shift = number % len(options)
        options = options[-shift:] + options[:-shift] if shift else options
        raw.append(
            {
                "type": "question",
                "value": {
                    "question": question["question"],
                    "options": options,
                    "explanation": question["explanation"],
                },
            }
        )
    return raw


def ensure_sections(home):
    sections = {}
    for spec in [*content.SECTIONS, help.HELP_SECTION]:
        sections[spec["key"]] = ensure_child(
            home, SectionPage, spec["slug"], show_in_menus=True, **spec["zh"]
        )
    return sections


def ensure_articles(sections, specs=None):
    articles = []
    audiences = {a.code: a for a in Audience.objects.all()}
    if specs is None:
        specs = [with_more(spec) for spec in content.ARTICLES]
    for spec in specs:
        section = sections[spec["section"]]
        page = ArticlePage.objects.child_of(section).filter(slug=spec["slug"]).first()
        if page is None:
            zh = spec["zh"]
            page = ArticlePage(
                slug=spec["slug"],
                locale=section.locale,
                title=zh["title"],
                intro=zh["intro"],
                source=zh["source"],
                body=_stream(zh["body"]),
                published_date=datetime.date.fromisoformat(spec["date"]),
                hero_image=ensure_image(spec["image"]),
            )
            page.audiences.set([audiences[code] for code in spec["audiences"]])
            page.tags.set(spec["tags"])
            section.add_child(instance=page)
            publish(page)
        articles.append((page, spec))
    return articles


def ensure_drugs(home):
    index = ensure_child(
        home, DrugIndexPage, content.DRUG_INDEX["slug"], **content.DRUG_INDEX["zh"]
    )
    drugs = []
    for spec in DRUGS:
        drugs.append(
            (
                ensure_child(
                    index, DrugFactPage, spec["slug"], category=spec["category"], **spec["zh"]
                ),
                spec,
            )
        )
    return index, drugs


def ensure_quiz(home, spec=None):
    spec = spec or content.QUIZ
    quiz = ensure_child(
        home,
        QuizPage,
        spec["slug"],
        title=spec["zh"]["title"],
        intro=spec["zh"]["intro"],
        questions=_quiz_questions(spec["zh"]["questions"]),
    )
    if spec.get("audiences") and not quiz.audiences.exists():
        quiz.audiences.set(Audience.objects.filter(code__in=spec["audiences"]))
        quiz.save_revision().publish()
    return quiz


def quiz_pairs(spec=None):
    spec = spec or content.QUIZ
    strings = pairs(
        {"title": spec["zh"]["title"], "intro": spec["zh"]["intro"]},
        {"title": spec["en"]["title"], "intro": spec["en"]["intro"]},
    )
    for zh, en in zip(spec["zh"]["questions"], spec["en"]["questions"], strict=True):
        strings.update(pairs(zh, en))
    strings[spec["slug"]] = spec["en_slug"]
    return strings


def ensure_resources(home):
    library = ensure_child(
        home,
        ResourceLibraryPage,
        content.RESOURCE_LIBRARY["slug"],
        **content.RESOURCE_LIBRARY["zh"],
    )
    audiences = {a.code: a for a in Audience.objects.all()}
    for spec in downloads.RESOURCES:
        if Resource.objects.filter(title=spec["title"]).exists():
            continue
        resource = Resource(
            title=spec["title"],
            description=spec["description"],
            resource_type=spec["resource_type"],
            language=spec["language"],
            document=ensure_document(spec["title"], text_document(spec["pdf"])),
        )
        # A ParentalManyToManyField is written when its object is saved, not when set.
        resource.audiences.set([audiences[code] for code in spec["audiences"]])
        resource.save()
    return library


def ensure_help(sections, drug_index):
    """The help path: its articles, then the hub that leads to them (issue 18)."""
    articles = ensure_articles(sections, help.HELP_ARTICLES)
    hub = (
        ArticlePage.objects.child_of(sections["help"]).filter(slug=help.WORRIED_HUB["slug"]).first()
    )
    if hub is None:
        links = [{"title": page.title, "page": page.pk, "url": ""} for page, _spec in articles]
        links.append({"title": drug_index.title, "page": drug_index.pk, "url": ""})
        zh = help.WORRIED_HUB["zh"]
        body = [
            *zh["body"],
            ("related_links", {"title": help.HUB_LINKS_TITLE["zh"], "links": links}),
        ]
        spec = {**help.WORRIED_HUB, "zh": {**zh, "body": body}}
        hub = ensure_articles(sections, [spec])[0][0]
    return articles, (hub, help.WORRIED_HUB)


def hub_pairs(spec, articles):
    """The hub's strings: its own, and its links' titles as the articles are translated."""
    strings = spec_pairs(spec)
    strings[help.HUB_LINKS_TITLE["zh"]] = help.HUB_LINKS_TITLE["en"]
    for _page, article in articles:
        strings[article["zh"]["title"]] = article["en"]["title"]
    strings[content.DRUG_INDEX["zh"]["title"]] = content.DRUG_INDEX["en"]["title"]
    return strings


def ensure_portals(home):
    audiences = {a.code: a for a in Audience.objects.all()}
    portals = []
    for spec in help.PORTALS:
        page = AudiencePage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            zh = spec["zh"]
            page = AudiencePage(
                slug=spec["slug"],
                locale=home.locale,
                title=zh["title"],
                intro=zh["intro"],
                body=_stream(zh["body"]),
            )
            page.audiences.set([audiences[code] for code in spec["audiences"]])
            home.add_child(instance=page)
            publish(page)
        portals.append((page, spec))
    return portals


def ensure_home_content(home, portals, articles, quiz, help_page):
    """Entry points by audience, the help page and featured articles, set once; editors may
    change them afterwards."""
    if home.entry_points or home.featured:
        return home
    home.entry_points = [
        {"type": "entry", "value": {**entry, "page": page.pk}}
        for entry, (page, _spec) in zip(content.HOME["zh"]["entry_points"], portals, strict=True)
    ]
    home.featured = [{"type": "article", "value": page.pk} for page, _spec in articles[3:5]]
    home.quiz_page = quiz
    home.help_page = help_page
    home.hero_image = ensure_image("campaign")
    return publish(home)


def load(command):
    ensure_locales()
    ensure_superuser(command)
    home = ensure_home_page()
    sections = ensure_sections(home)
    articles = ensure_articles(sections)
    drug_index, drugs = ensure_drugs(home)
    help_articles, (hub, hub_spec) = ensure_help(sections, drug_index)
    quiz = ensure_quiz(home)
    adult_quiz = ensure_quiz(home, more.ADULT_QUIZ)
    library = ensure_resources(home)
    portals = ensure_portals(home)
    home = ensure_home_content(home, portals, articles, quiz, hub)

    # Translate parents before children, so every English page sits under an English parent.
    home_strings = pairs(content.HOME["zh"], content.HOME["en"])
    home_strings["home"] = content.HOME["en_slug"]
    en_home = ensure_translated(home, home_strings)
    for spec in [*content.SECTIONS, help.HELP_SECTION]:
        ensure_translated(sections[spec["key"]], spec_pairs(spec))
    for page, spec in [*articles, *help_articles]:
        ensure_translated(page, spec_pairs(spec))
    ensure_translated(drug_index, spec_pairs(content.DRUG_INDEX))
    for page, spec in drugs:
        ensure_translated(page, spec_pairs(spec))
    ensure_translated(hub, hub_pairs(hub_spec, help_articles))
    ensure_translated(quiz, quiz_pairs())
    ensure_translated(adult_quiz, quiz_pairs(more.ADULT_QUIZ))
    ensure_translated(library, spec_pairs(content.RESOURCE_LIBRARY))
    for page, spec in portals:
        ensure_translated(page, spec_pairs(spec))
    # The home page links to articles and the quiz; translate it again now that they exist
    # in English, so its links point at the English pages.
    ensure_translated(home, home_strings)

    ensure_site_settings(footer_links=[hub, library, quiz, drug_index])
    if os.environ.get("SITE_URL"):
        set_site_address(os.environ["SITE_URL"])
    ensure_editorial_groups([home, en_home])
    ensure_user(command, "editor", groups=["Editors"])
    ensure_user(command, "reviewer", groups=["Reviewers"])
