from django.db import models
from django.utils.translation import gettext_lazy as _

from jindu.pages.text import plain_line


class SearchSynonym(models.Model):
    """Words that mean the same to a reader: a drug's formal name, its street names and its
    names in the other language (冰毒, 甲基苯丙胺, 溜冰, meth, ice). A search for any of them
    finds pages with any of them (jindu.search.query). Kept as data so that editors add the
    names readers use as they hear them; after a change, `manage.py update_index` lets the
    new words split well in the index too."""

    terms = models.TextField(
        _("words that mean the same"),
        help_text=_("Separated by commas: 冰毒, 甲基苯丙胺, 溜冰, meth, ice"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return "、".join(self.term_list()[:4])

    def term_list(self):
        return [
            plain_line(term).strip()
            for term in self.terms.replace("，", ",").replace("、", ",").split(",")
            if term.strip()
        ]
