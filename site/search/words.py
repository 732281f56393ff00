"""Words out of text: the one definition of the project's text patterns (a run of Chinese
characters, a Latin word, query noise) and of how Chinese is split into words.

Chinese is written without spaces, so both databases see "远离毒品危害" as one token and a
search for "毒品" finds nothing. Runs of Chinese characters are segmented with jieba (which
ships its dictionary) on both sides: when a page is indexed (jindu.search.fields) and when a
query is run (jindu.search.backend).

Neither database stems English the same way (SQLite's tokenizer does not stem at all), so
English words get their Snowball stem beside them on both sides too: "drug" finds "drugs".
Nothing here reads the database: what jieba should learn from it (the synonym dictionary)
is handed in by ``learn_words_from`` (jindu.search.query)."""

import functools
import logging
import re
import unicodedata

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


# What teaches jieba words before text is split for the index (learn_words_from).
_word_sources = []


def learn_words_from(source):
    """Call ``source()`` before splitting text for the index: it teaches jieba words it
    would otherwise split (jindu.search.query registers the synonym dictionary)."""
    _word_sources.append(source)


def learn_synonyms():
    """jieba learns the synonym dictionary's words (依托咪酯, 太空油) before it splits text
    for the index, as it does before it splits a query. Without a database to read them
    from (a unit test, a command before migrating) it splits as it can."""
    for source in _word_sources:
        try:
            source()
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
