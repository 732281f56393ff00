from django.conf import settings
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from jindu.pages.listing import paginate, querystring_without_page
from jindu.search.fields import segmented

from .mixins import IntroPage, image_field
from .taxonomy import Audience, every_audience

RESOURCES_PER_PAGE = 24


class ResourceType(models.TextChoices):
    POSTER = "poster", _("Poster")
    LEAFLET = "leaflet", _("Leaflet")
    BOOKLET = "booklet", _("Booklet")
    LESSON = "lesson", _("Lesson plan")
    SLIDES = "slides", _("Slides")
    VIDEO = "video", _("Video")
    HANDBOOK = "handbook", _("Handbook")


class Resource(index.Indexed, ClusterableModel):
    """A downloadable file for the public: a poster, leaflet or lesson plan. A resource has
    its own language (a Chinese leaflet stays Chinese on the English site), so it is not
    translated; the library page lets readers filter by language."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    resource_type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("audiences"), blank=True, related_name="resources"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    preview_image = image_field(_("preview image"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("resource_type"),
        FieldPanel("language"),
        FieldPanel("audiences", widget=CheckboxSelectMultiple),
        FieldPanel("document"),
        FieldPanel("preview_image"),
    ]
    search_fields = segmented(
        [
            index.SearchField("title", boost=2),
            index.SearchField("description"),
            index.AutocompleteField("title"),
            index.FilterField("resource_type"),
            index.FilterField("language"),
        ]
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["resource_type", "language"])]

    def __str__(self):
        return self.title


class ResourceLibraryPage(IntroPage):
    """Posters, leaflets and lesson material to download, filterable by audience, language
    and type."""

    parent_page_types = ["jindu.HomePage", "jindu.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = Resource.objects.select_related("document", "preview_image").prefetch_related(
            "audiences"
        )
        selected = {
            "audience": request.GET.get("audience", ""),
            "language": request.GET.get("language", ""),
            "type": request.GET.get("type", ""),
        }
        if selected["audience"]:
            resources = resources.filter(audiences__code=selected["audience"])
        if selected["language"]:
            resources = resources.filter(language=selected["language"])
        if selected["type"]:
            resources = resources.filter(resource_type=selected["type"])
        context.update(
            resources=paginate(request, resources, RESOURCES_PER_PAGE),
            selected=selected,
            audiences=every_audience(),
            languages=settings.LANGUAGES,
            types=ResourceType.choices,
            querystring=querystring_without_page(request),
        )
        return context
