"""Turning Markdown or plain-text files with front matter into article pages. Used by the
`import_articles` command; kept apart so that it can be tested without a terminal."""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale

import frontmatter
import markdown
import nh3
import yaml

from jindu.models import ArticlePage, Audience, SectionPage

DEFAULT_SECTION = "news"
SUFFIXES = {".md", ".markdown", ".txt"}
ALLOWED_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "b", "i", "br"}
HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)


class ImportProblem(Exception):
    """A file that cannot be imported, with a reason a person can act on."""


@dataclass
class ImportResult:
    path: Path
    action: str  # created, updated, unchanged
    page: ArticlePage


@dataclass
class ImportReport:
    results: list = field(default_factory=list)
    failures: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for result in self.results if result.action == action)


def find_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            yield path


def markdown_to_blocks(text):
    """Markdown → StreamField data: headings become heading blocks, everything between them
    a paragraph block. Raw HTML in the source is cleaned to the tags the editor allows."""
    html = markdown.markdown(text, output_format="html")
    html = html.replace("<strong>", "<b>").replace("</strong>", "</b>")
    html = html.replace("<em>", "<i>").replace("</em>", "</i>")
    html = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel=None)
    blocks = []
    position = 0
    for match in HEADING.finditer(html):
        _append_paragraph(blocks, html[position : match.start()])
        level = "h2" if int(match.group(1)) <= 2 else "h3"
        text = nh3.clean(match.group(2), tags=set())
        if text.strip():
            blocks.append(
                {"type": "heading", "value": {"text": text.strip()[:120], "level": level}}
            )
        position = match.end()
    _append_paragraph(blocks, html[position:])
    return blocks


def _append_paragraph(blocks, html):
    html = html.strip()
    if html:
        blocks.append({"type": "paragraph", "value": html})


def _as_list(value, name):
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [item.strip() for item in re.split(r"[,，]", value) if item.strip()]
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    raise ImportProblem(_("“%(name)s” must be a list.") % {"name": name})


def _date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError as error:
        raise ImportProblem(
            _("The date “%(value)s” is not a date like 2019-11-07.") % {"value": value}
        ) from error


def _locale(code):
    code = (code or settings.LANGUAGE_CODE).strip().lower().replace("_", "-")
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        languages = ", ".join(c for c, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        raise ImportProblem(
            _("Unknown language “%(code)s”; use one of: %(languages)s.")
            % {"code": code, "languages": languages}
        )
    return locale


def read_file(path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise ImportProblem(_("The file does not exist.")) from error
    except UnicodeDecodeError as error:
        raise ImportProblem(_("The file is not UTF-8 text.")) from error
    except OSError as error:
        raise ImportProblem(_("The file cannot be read: %(error)s") % {"error": error}) from error
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as error:
        raise ImportProblem(
            _("The front matter is not valid YAML: %(error)s") % {"error": error}
        ) from error
    if not isinstance(post.metadata, dict):
        raise ImportProblem(_("The front matter must be a list of “key: value” lines."))
    return post.metadata, post.content


def _section(slug, locale, default_locale):
    """The section in ``locale``: looked up by slug there, or as the translation of the
    default language's section with that slug."""
    section = SectionPage.objects.filter(locale=locale, slug=slug).first()
    if section is None and locale != default_locale:
        source = SectionPage.objects.filter(locale=default_locale, slug=slug).first()
        section = source.get_translation_or_none(locale) if source else None
    if section is None:
        raise ImportProblem(_("There is no section with the slug “%(slug)s”.") % {"slug": slug})
    return section.specific


def import_file(path, *, publish=False, user=None):
    meta, body = read_file(path)
    title = str(meta.get("title") or "").strip()
    if not title:
        raise ImportProblem(_("The front matter has no title."))
    if len(title) > 255:
        raise ImportProblem(_("The title is longer than 255 characters."))
    if not body.strip():
        raise ImportProblem(_("The article has no body text."))
    slug = slugify(str(meta.get("slug") or path.stem), allow_unicode=True)[:255]
    if not slug:
        raise ImportProblem(_("No slug can be made from the file name; add “slug:”."))
    locale = _locale(meta.get("language"))
    default_locale = Locale.get_default()
    audience_codes = _as_list(meta.get("audience"), "audience")
    audiences = list(Audience.objects.filter(code__in=audience_codes))
    unknown = sorted(set(audience_codes) - {a.code for a in audiences})
    if unknown:
        raise ImportProblem(_("Unknown audience: %(codes)s.") % {"codes": ", ".join(unknown)})
    fields = {
        "title": title,
        "intro": str(meta.get("intro") or _first_sentence(body))[:500],
        "source": str(meta.get("source") or "")[:255],
        "published_date": _date(meta.get("date")) or datetime.date.today(),
        "body": markdown_to_blocks(body),
    }
    tags = _as_list(meta.get("tags"), "tags")

    page = ArticlePage.objects.filter(locale=locale, slug=slug).first()
    source_slug = meta.get("translation_of")
    if page is None and source_slug:
        source = ArticlePage.objects.filter(locale=default_locale, slug=str(source_slug)).first()
        if source is None:
            raise ImportProblem(
                _("“translation_of” names “%(slug)s”, but no article has that slug.")
                % {"slug": source_slug}
            )
        page = source.get_translation_or_none(locale)
        if page is None:
            page = source.copy_for_translation(locale, copy_parents=True)
        page = page.specific
        page.slug = slug
        action = "created"
    elif page is None:
        section = _section(str(meta.get("section") or DEFAULT_SECTION), locale, default_locale)
        page = ArticlePage(locale=locale, slug=slug, live=False, **fields)
        page.tags.set(tags)
        page.audiences.set(audiences)
        section.add_child(instance=page)
        _save(page, publish, user)
        return ImportResult(path, "created", page)
    else:
        page = page.specific
        action = "updated"
        up_to_date = not publish or (page.live and not page.has_unpublished_changes)
        if up_to_date and _unchanged(page, fields, tags, audiences):
            return ImportResult(path, "unchanged", page)

    for name, value in fields.items():
        setattr(page, name, value)
    page.tags.set(tags)
    page.audiences.set(audiences)
    _save(page, publish, user)
    return ImportResult(path, action, page)


def _unchanged(page, fields, tags, audiences):
    current_body = [{"type": b["type"], "value": b["value"]} for b in page.body.raw_data]
    return (
        page.title == fields["title"]
        and page.intro == fields["intro"]
        and page.source == fields["source"]
        and page.published_date == fields["published_date"]
        and current_body == fields["body"]
        and sorted(t.name for t in page.tags.all()) == sorted(tags)
        and sorted(a.code for a in page.audiences.all()) == sorted(a.code for a in audiences)
    )


def _save(page, publish, user):
    page.full_clean()
    page.save()
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)


def _first_sentence(body):
    text = re.sub(r"[#>*_`\[\]()]", "", body).strip().split("\n")[0]
    match = re.match(r"(.+?[。！？.!?])", text)
    return (match.group(1) if match else text)[:200]


def _is_translation(path):
    try:
        meta, _body = read_file(path)
    except ImportProblem:
        return False
    return bool(meta.get("translation_of"))


def import_paths(paths, *, publish=False, dry_run=False, user=None):
    report = ImportReport()
    files = list(find_files(paths))
    # Sources before their translations, whatever the order of the file names.
    files.sort(key=_is_translation)
    for path in files:
        try:
            with transaction.atomic():
                result = import_file(path, publish=publish, user=user)
                if dry_run:
                    transaction.set_rollback(True)
            report.results.append(result)
        except ImportProblem as problem:
            report.failures.append((path, str(problem)))
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
            report.failures.append((path, f"{type(error).__name__}: {error}"))
    return report
