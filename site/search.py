"""Chinese-aware full-text search on the database backends (SQLite FTS5 and PostgreSQL).

Chinese is written without spaces, so both databases see "远离毒品危害" as one token and a
search for "毒品" finds nothing. We segment runs of Chinese characters with jieba (which ships
its dictionary) on both sides: `SegmentedSearchField` when a page is indexed, and
`SearchBackend` when a query is run (site search, the API and the admin alike).

Neither database stems English the same way (SQLite's tokenizer does not stem at all), so
English words get their Snowball stem beside them on both sides too: "drug" finds "drugs"."""

import functools
import logging
import re
import unicodedata

from wagtail.search import index
from wagtail.search.query import PlainText

import jieba
import opencc
import snowballstemmer

jieba.setLogLevel(logging.WARNING)
logger = logging.getLogger(__name__)

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Anything but letters, digits and CJK is dropped from queries: quotes, %, * and brackets are
# query syntax to SQLite FTS5 and would otherwise be errors, not searches.
QUERY_NOISE = re.compile(r"[^\w]+|_+")
MAX_QUERY_LENGTH = 200
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
_stemmer = snowballstemmer.stemmer("english")
_t2s = opencc.OpenCC("t2s.json")


def simplified(text):
    """Full-width forms folded and traditional characters made simplified (OpenCC), on both
    sides: 戒毒康復 finds 戒毒康复."""
    return _t2s.convert(unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=8192)
def stem(word):
    """A word's English stem; kept, since ranking asks for the same words' stems many
    times in each search."""
    return _stemmer.stemWord(word.lower())


def load_dictionaries():
    """Read jieba's dictionary now rather than on the first search (production workers
    share what the server process loaded, see site/wsgi.py)."""
    jieba.initialize()


def _with_stems(text):
    """Each English word followed by its stem when that differs: parties → parties parti."""

    def add_stem(match):
        word = match.group()
        stem = _stemmer.stemWord(word.lower())
        return word if stem == word.lower() else f"{word} {stem}"

    return LATIN_WORD.sub(add_stem, text)


def _spaced(words):
    return " ".join(word for word in words if word.strip())


def segment_for_index(text):
    """Every word and its shorter parts (jieba's search mode), so that both 禁毒社工 and 社工
    find a page about 禁毒社工."""
    if not text:
        return text
    text = simplified(text)
    learn_synonyms()
    text = CJK_RUN.sub(lambda m: f" {_spaced(jieba.cut_for_search(m.group()))} ", text)
    return _with_stems(text)


def learn_synonyms():
    """jieba learns the synonym dictionary's words (依托咪酯, 太空油) before it splits text
    for the index, as it does before it splits a query. Without a database to read them
    from (a unit test, a command before migrating) it splits as it can."""
    from jindu.search_query import synonym_groups

    try:
        synonym_groups()
    except Exception:  # noqa: BLE001 - an enhancement of the splitting, never a failure
        logger.debug("synonyms not read", exc_info=True)


def segment_query(text):
    """The words of a query as a reader means them (jieba's precise mode), lower-cased so
    that AND, OR and NOT are words, not FTS5 operators."""
    if not text:
        return ""
    text = QUERY_NOISE.sub(" ", simplified(text[:MAX_QUERY_LENGTH])).lower()
    text = CJK_RUN.sub(lambda m: f" {_spaced(jieba.cut(m.group()))} ", text)
    return " ".join(_with_stems(text).split())


def query_words(text):
    """The words of a query, for matching inside database text (admin listings): Chinese
    split by jieba, anything else by spaces; punctuation dropped."""
    words = []
    for part in QUERY_NOISE.sub(" ", (text or "")[:MAX_QUERY_LENGTH]).split():
        if CJK_RUN.search(part):
            words.extend(word for word in jieba.cut(part) if word.strip())
        else:
            words.append(part)
    return words


def _segment_value(value):
    if isinstance(value, str):
        return segment_for_index(value)
    if isinstance(value, (list, tuple)):
        return [_segment_value(item) for item in value]
    return value


class SegmentedSearchField(index.SearchField):
    """A SearchField whose text is segmented before the backend indexes it. It keeps the
    field name, so the backends' title boost still applies."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if value is not None and not isinstance(value, (str, list, tuple)):
            value = str(value)
        return _segment_value(value)


class SegmentedAutocompleteField(index.AutocompleteField):
    """An AutocompleteField segmented like SegmentedSearchField: admin choosers search as
    you type with autocomplete, and a query like 禁毒主题班会 arrives as three words."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if value is not None and not isinstance(value, (str, list, tuple)):
            value = str(value)
        return _segment_value(value)


def segmented(search_fields):
    """Replace the plain SearchFields and AutocompleteFields of a model's search_fields with
    segmented ones."""
    replacements = {
        index.SearchField: SegmentedSearchField,
        index.AutocompleteField: SegmentedAutocompleteField,
    }
    result = []
    for field in search_fields:
        replacement = replacements.get(type(field))
        if replacement is not None:
            field = replacement(field.field_name, **field.kwargs)
        result.append(field)
    return result


def understood_query(text):
    """A reader's query as the backends should look for it: any of the words of what they
    meant (jindu.search_query), ranked by how many match."""
    from jindu.search_query import understand

    words = understand(text).words
    return PlainText(" ".join(words) or "", operator="or") if words else None


class _SegmentingQueries:
    def search(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            understood = understood_query(query)
            if understood is None:  # nothing but stop words: nothing to look for
                return super().search(segment_query(query), model_or_queryset, *args, **kwargs)
            kwargs.pop("operator", None)
            query = understood
        return super().search(query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            query = segment_query(query)
        return super().autocomplete(query, model_or_queryset, *args, **kwargs)


_classes = {}


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    """Wagtail's database backend for the current database, with segmented queries."""
    from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

    base = DatabaseSearchBackend(params)
    cls = _classes.get(type(base))
    if cls is None:
        cls = type(f"Segmented{type(base).__name__}", (_SegmentingQueries, type(base)), {})
        _classes[type(base)] = cls
    return cls(params)
