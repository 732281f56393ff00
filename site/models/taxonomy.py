from django.db import models
from django.utils.translation import gettext_lazy as _

from jindu.pages.choices import CONTENT_AUDIENCES

# Each audience's name by its code, made once: Django's ``get_code_display`` builds a
# dictionary of every choice on each call, and listings show every audience's name.
AUDIENCE_NAMES = dict(CONTENT_AUDIENCES)


class Audience(models.Model):
    """Who a piece of content is for. A fixed list (created by a migration) whose names are
    translated by gettext, so both languages filter by the same rows."""

    code = models.CharField(_("code"), max_length=20, choices=CONTENT_AUDIENCES, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        """The name in the active language (a lazy translation)."""
        return AUDIENCE_NAMES.get(self.code, self.code)


def every_audience():
    """Every audience in order, for the filters of listings: a fixed list (a migration
    makes it), read once per request."""
    from jindu.editorial.localization import request_memo

    memo = request_memo()
    if "audiences" not in memo:
        memo["audiences"] = list(Audience.objects.all())
    return memo["audiences"]
