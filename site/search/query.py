"""What a reader means by what they typed (issue 19). Readers type questions, traditional
characters, street names, pinyin and typos, not keywords; the database backends then look
for every word. Here a query becomes *concepts*, each a set of words any of which will do:

- normalised: full-width forms folded (NFKC), traditional characters made simplified
  (OpenCC, the same conversion the index applies), lower case;
- split: Chinese by jieba (which knows the synonyms' words), everything else by spaces;
- stop words of both languages dropped (什么, 是, 怎么办, what, is, in…);
- each word widened by the synonym dictionary editors keep (jindu.models.SearchSynonym:
  冰毒 = 甲基苯丙胺 = 溜冰 = meth = ice), across languages;
- a Latin word the site does not know read as pinyin (dupin → 毒品), else corrected to the
  nearest word the site does know (herion → heroin, offered as "did you mean");
- a single Chinese character widened to the site's words that contain it (毒 → 毒品, 吸毒…).

The site's words (its vocabulary) come from its own titles, synonyms, districts and
stations, rebuilt at most every ten minutes and kept by each worker in between.
"""

import functools
import re
import threading
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q

import jieba
from pypinyin import lazy_pinyin
from rapidfuzz import fuzz
from rapidfuzz.process import extractOne

from jindu.search.words import CJK_RUN, MAX_QUERY_LENGTH, learn_words_from, simplified, stem

STOP_WORDS_ZH = set(
    "的 了 是 吗 呢 吧 啊 呀 啦 么 和 与 及 或 在 有 我 你 他 她 它 我们 你们 他们 这 那 这个 那个 "
    "哪 哪些 哪里 什么 怎么 怎样 如何 怎么办 咋办 为什么 一个 一些 会 要 能 可以 应该 该 对 把 被 "
    "给 让 请问 关于 以及 还是 就 都 也 很 太 一下 时候 如果 自己 吗？ 是不是 有没有 知道 想 问".split()
)
STOP_WORDS_EN = set(
    "a an the is are was were be been being am what which who whom whose how why when where do "
    "does did done can could should would will shall may might must to of in on at for from by "
    "with about as into and or not no my your his her our their its me you i we they it this "
    "that these those there here than then so if any some please tell know want need get".split()
)
LATIN_TOKEN = re.compile(r"[a-z0-9][a-z0-9·'-]*")
SINGLE_CHARACTER_WORDS = 15  # what a one-character query widens to
VOCABULARY_SECONDS = 600
SYNONYMS_KEY = "jindu-search-synonyms"
VOCABULARY_KEY = "jindu-search-vocabulary"


@functools.lru_cache(maxsize=4096)
def normalise(text):
    """Full-width folded, traditional made simplified (as the index is), lower case. Kept:
    the same titles and texts are judged on every search."""
    return simplified(text or "").lower()


@dataclass
class Concept:
    """One thing the reader asked about: every word that says it (``words``) and those that
    name it exactly (``names``: what was typed and its synonyms, not the words a single
    character was widened to)."""

    said: str
    words: set = field(default_factory=set)
    names: set = field(default_factory=set)

    def found_in(self, text):
        """Whether ``text`` (normalised: see ``Said``) says it: Chinese words anywhere,
        Latin words as whole words or their stems (help is in helping, not helpline)."""
        said = text if isinstance(text, Said) else Said(text)
        return any(
            (stem(word) in said.stems) if LATIN_TOKEN.fullmatch(word) else (word in said.text)
            for word in self.words
        )


class Said:
    """A text as concepts are looked for in it: normalised, with its Latin words' stems."""

    def __init__(self, text):
        self.text = normalise(text)
        self.stems = {stem(word) for word in LATIN_TOKEN.findall(self.text)}
        # Multi-word dictionary terms ("laughing gas") are looked for as they are.
        self.stems |= {word for word in LATIN_TOKEN.findall(self.text)}


@dataclass
class Understanding:
    text: str
    concepts: list
    # A correction of a word the site does not know, offered as "did you mean".
    suggestion: str = ""
    # Every word typed, stop words included: a title that reads like the question ranks up.
    typed: set = field(default_factory=set)

    @property
    def words(self):
        """Every word to look for, once each (the backends find any of them)."""
        return sorted({word for concept in self.concepts for word in concept.words})


# Synonyms and vocabulary, shared by the workers through the cache and kept by each.

_local = threading.local()


def _kept(key, build, seconds):
    """``build()``, kept in the shared cache and by this worker for ``seconds``."""
    memo = getattr(_local, "memo", None)
    if memo is None:
        memo = _local.memo = {}
    entry = memo.get(key)
    if entry is not None and entry[0] > time.monotonic():
        return entry[1]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    memo[key] = (time.monotonic() + seconds, value)
    return value


def forget_synonyms(**kwargs):
    cache.delete_many([SYNONYMS_KEY, VOCABULARY_KEY])
    _local.memo = {}


def synonym_groups():
    """[set of normalised words] of the dictionary, and each word added to jieba so that
    依托咪酯 or 太空油 stay one word."""

    def build():
        from jindu.models import SearchSynonym

        return [
            sorted({normalise(term) for term in synonym.term_list()})
            for synonym in SearchSynonym.objects.all()
        ]

    groups = _kept(SYNONYMS_KEY, build, VOCABULARY_SECONDS)
    _teach_jieba(tuple(word for group in groups for word in group))
    return groups


# Pages are indexed with the dictionary's words kept whole, as queries are split.
learn_words_from(synonym_groups)


@functools.lru_cache(maxsize=8)
def _teach_jieba(words):
    for word in words:
        if CJK_RUN.fullmatch(word) and len(word) > 1:
            jieba.add_word(word, freq=20000)


@dataclass
class Vocabulary:
    latin: set
    chinese: dict  # word → how often the site uses it
    pinyin: dict  # pinyin without spaces → Chinese words

    @functools.cached_property
    def spellings(self):
        """What a misspelt word may have meant: the English words and the pinyin."""
        return sorted({*self.latin, *self.pinyin})


def vocabulary():
    return _kept(VOCABULARY_KEY, build_vocabulary, VOCABULARY_SECONDS)


def build_vocabulary():
    """The words of the site's titles (both languages), synonyms, and what the apps add
    through the ``jindu_search_words`` hook (districts and stations)."""
    from wagtail import hooks
    from wagtail.models import Page

    texts = list(Page.objects.live().filter(depth__gt=1).values_list("title", flat=True))
    for hook in hooks.get_hooks("jindu_search_words"):
        texts += list(hook())
    for group in synonym_groups():
        texts += group
    latin, chinese = set(), {}
    for text in texts:
        text = normalise(text)
        latin.update(word for word in LATIN_TOKEN.findall(text) if len(word) > 2)
        for run in CJK_RUN.findall(text):
            for word in jieba.cut(run):
                if len(word) > 1:
                    chinese[word] = chinese.get(word, 0) + 1
    pinyin = {}
    for word in chinese:
        pinyin.setdefault("".join(lazy_pinyin(word)), []).append(word)
    return Vocabulary(latin=latin, chinese=chinese, pinyin=pinyin)


# Understanding a query


def _widen(word, groups):
    words = {word}
    for group in groups:
        if word in group:
            words.update(group)
    return words | {stem(w) for w in words if LATIN_TOKEN.fullmatch(w)} - {""}


def _is_phrase(term):
    """A dictionary term the splitting below would break: "laughing gas", "k粉", "6·26"."""
    return " " in term or (bool(CJK_RUN.search(term)) and bool(re.search(r"[a-z0-9]", term)))


def _tokens(text, groups):
    """The query's words: multi-word synonyms ("laughing gas") kept whole, Chinese split
    by jieba, stop words dropped."""
    tokens = []
    phrases = sorted((t for group in groups for t in group if _is_phrase(t)), key=len, reverse=True)
    for term in phrases:
        pattern = rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])"
        if re.search(pattern, text):
            tokens.append(term)
            text = re.sub(pattern, " ", text)
    for part in re.split(r"[^\w·]+", text):
        if not part:
            continue
        for run in re.split(f"({CJK_RUN.pattern})", part):
            if not run:
                continue
            if CJK_RUN.fullmatch(run):
                tokens += [w for w in jieba.cut(run) if w.strip() and w not in STOP_WORDS_ZH]
            else:
                tokens += [
                    w for w in LATIN_TOKEN.findall(run) if w not in STOP_WORDS_EN and len(w) > 1
                ]
    return tokens


def understand(text):
    """The concepts of ``text`` and, where a word was corrected, the corrected query."""
    text = normalise(text[:MAX_QUERY_LENGTH])
    groups = synonym_groups()
    vocab = None
    concepts, corrected, changed = [], [], False
    for token in _tokens(text, groups):
        words = _widen(token, groups)
        said = token
        known = any(token in group for group in groups)
        if not known and LATIN_TOKEN.fullmatch(token) and not token.isdigit():
            vocab = vocab or vocabulary()
            if token not in vocab.latin and stem(token) not in vocab.latin:
                if token in vocab.pinyin:  # dupin → 毒品
                    for chinese in vocab.pinyin[token]:
                        words |= _widen(chinese, groups)
                else:
                    # The nearest word the site knows, in English or in pinyin (herion →
                    # heroin, hailuoyn → 海洛因).
                    close = extractOne(token, vocab.spellings, scorer=fuzz.ratio, score_cutoff=75)
                    if close:
                        changed = True
                        for word in vocab.pinyin.get(close[0], [close[0]]):
                            said = word
                            words |= _widen(word, groups)
        elif not known and len(token) == 1 and CJK_RUN.fullmatch(token):
            vocab = vocab or vocabulary()
            containing = sorted(
                (w for w in vocab.chinese if token in w), key=lambda w: -vocab.chinese[w]
            )
            words.update(containing[:SINGLE_CHARACTER_WORDS])
        names = set(words)
        if len(token) == 1 and CJK_RUN.fullmatch(token):
            names = {token}
        concepts.append(Concept(said=said, words=words, names=names))
        corrected.append(said)
    return Understanding(
        text=text,
        concepts=concepts,
        suggestion=" ".join(corrected) if changed else "",
        typed=set(words_of(text)),
    )


def containing(field, word):
    """A filter for rows whose ``field`` holds ``word``. Case-insensitive only where the word
    has case: PostgreSQL upper-cases every row's text for ``icontains``, and for a Chinese
    word (most of what readers type) that work finds nothing ``contains`` would not (a
    third of the time of a scan of every title)."""
    if word.upper() == word.lower():
        return Q(**{f"{field}__contains": word})
    return Q(**{f"{field}__icontains": word})


def words_of(text):
    """All the words of a (normalised) text, stop words included."""
    words = []
    for run in re.split(f"({CJK_RUN.pattern})", text):
        if CJK_RUN.fullmatch(run or ""):
            words += [word for word in jieba.cut(run) if word.strip()]
        else:
            words += LATIN_TOKEN.findall(run or "")
    return words


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    from jindu.models import SearchSynonym

    for signal in (post_save, post_delete):
        signal.connect(
            forget_synonyms, sender=SearchSynonym, dispatch_uid=f"jindu-synonyms-{signal}"
        )
