"""Text that reaches the database and the screen: no control characters (PostgreSQL refuses
NUL in text, and the others have no business in a form), and no bidirectional overrides in
names and titles (U+202E turns "exe.pdf" into "fdp.exe" on screen)."""

import re

from django.core.validators import RegexValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from jindu.search.words import CJK_RUN

# C0 and C1 controls except tab, line feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Embeddings, overrides and isolates; the plain marks (U+200E, U+200F) are harmless.
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


# A phone number as offices write it: digits, spaces, hyphens, an optional leading +, an
# extension after "转" or "ext" (021-68537013, 13912345678, +86 21 6853 7013, 021-5000转8).
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}[0-9](\s*(转|ext\.?)\s*[0-9]{1,6})?$")
phone_number = RegexValidator(
    PHONE, _("Enter a phone number of digits, e.g. 021-68537013 or 13912345678.")
)


def without_controls(value):
    return CONTROL.sub("", value) if isinstance(value, str) else value


def plain_line(value):
    """For titles and names: no controls, no bidirectional overrides, no line breaks."""
    if not isinstance(value, str):
        return value
    return " ".join(BIDI.sub("", without_controls(value)).split()) if value.strip() else ""


def has_controls(value):
    return bool(CONTROL.search(value))


class PlainTextFieldsMixin:
    """A model whose ``plain_text_fields`` are saved as plain lines (see ``plain_line``)
    and whose ``text_fields`` lose their control characters and bidirectional overrides,
    whoever saves them: the admin, an import, the API or a command."""

    plain_text_fields = ()
    text_fields = ()

    def clean_text_fields(self):
        for name in self.plain_text_fields:
            setattr(self, name, plain_line(getattr(self, name)))
        for name in self.text_fields:
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, BIDI.sub("", without_controls(value)))

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        return super().save(*args, **kwargs)


def pinyin_words(text):
    """Each Chinese word of ``text`` in pinyin, syllables joined (禁毒社工 → jindu shegong);
    other text left out."""
    import jieba
    from pypinyin import lazy_pinyin

    return " ".join(
        "".join(lazy_pinyin(word)) for word in jieba.cut(text or "") if CJK_RUN.search(word)
    )


def latin_slug(text, max_length=80):
    """A readable address for a Chinese title: each word in pinyin, words joined by hyphens
    (2027年6·26国际禁毒日 → 2027-nian-626-guoji-jindu-ri), instead of percent-encoded
    characters in every link that is shared."""
    import jieba
    from pypinyin import lazy_pinyin

    words = ["".join(lazy_pinyin(word)) for word in jieba.cut(text) if word.strip()]
    return slugify("-".join(words))[:max_length].strip("-")
