"""The public directory of work stations."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from jindu.models.mixins import IntroPage
from jindu.serving.headers import LiveFiguresMixin

from .stations import Station, localized


class StationDirectoryPage(LiveFiguresMixin, IntroPage):
    """The public list of work stations by district, with address and public phone, and
    the 24-hour hotline. It shows stations and nothing about the people who work there."""

    parent_page_types = ["jindu.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("station directory")
        verbose_name_plural = _("station directories")

    def stations_by_district(self):
        """Public stations in this page's language (falling back to the original where a
        station has not been translated), grouped by district."""
        originals = list(
            Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE, is_public=True)
            .select_related("district")
            .order_by("district__sort_order", "name")
        )
        shown_stations = localized(originals, self.locale_id)
        shown_districts = localized({s.district for s in originals}, self.locale_id)
        groups = []
        for station in originals:
            shown = shown_stations[station.pk]
            district = shown_districts[station.district_id]
            if not groups or groups[-1][0] != district:
                groups.append((district, []))
            groups[-1][1].append(shown)
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.stations_by_district()
        return context
