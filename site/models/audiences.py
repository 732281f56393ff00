from django.db.models import Case, IntegerField, Value, When
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField

from jindu.pages.blocks import BodyBlock

from .articles import ArticlePage, as_cards
from .mixins import IntroPage, first_live, public
from .quiz import QuizPage
from .resources import Resource, ResourceLibraryPage, ResourceType
from .taxonomy import Audience

PORTAL_ARTICLES = 12
PORTAL_RESOURCES = 8
# Teachers come for material to use in class: lesson plans and posters come first.
RESOURCE_ORDER = [ResourceType.LESSON, ResourceType.POSTER, ResourceType.SLIDES]


class AudiencePage(IntroPage):
    """A door for one audience — students, parents, teachers, residents: what an editor
    wrote for them (the guide itself), then the articles and downloads marked for them,
    newest first, without anyone having to keep the lists."""

    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=_("audiences"),
        related_name="portals",
        help_text=_("Articles and downloads marked for these audiences are listed here."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("guide"),
        blank=True,
        help_text=_("What this audience most needs to know, before the lists."),
    )

    content_panels = IntroPage.content_panels + [
        FieldPanel("audiences", widget=CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    override_translatable_fields = [SynchronizedField("audiences")]
    parent_page_types = ["jindu.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("audience page")
        verbose_name_plural = _("audience pages")

    def audience_codes(self):
        return [audience.code for audience in self.audiences.all()]

    def articles(self):
        return (
            as_cards(public(ArticlePage.objects.live()))
            .filter(locale_id=self.locale_id, audiences__code__in=self.audience_codes())
            .distinct()
            .order_by("-published_date", "-pk")[:PORTAL_ARTICLES]
        )

    def quizzes(self):
        """The quizzes written for this audience (the one for everyone is in the footer)."""
        return (
            public(QuizPage.objects.live())
            .filter(locale_id=self.locale_id, audiences__code__in=self.audience_codes())
            .distinct()
            .order_by("title")
        )

    def resources(self):
        ranks = [
            When(resource_type=kind, then=Value(rank)) for rank, kind in enumerate(RESOURCE_ORDER)
        ]
        return (
            Resource.objects.filter(audiences__code__in=self.audience_codes())
            .distinct()
            .annotate(
                rank=Case(*ranks, default=Value(len(RESOURCE_ORDER)), output_field=IntegerField()),
                # Downloads in the reader's language come before those in the other.
                foreign=Case(
                    When(language=self.locale.language_code, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                ),
            )
            .select_related("document", "preview_image")
            .prefetch_related("audiences")
            .order_by("foreign", "rank", "-created_at")[:PORTAL_RESOURCES]
        )

    def library_url(self, request):
        library = first_live(ResourceLibraryPage, locale_id=self.locale_id)
        if library is None:
            return ""
        codes = self.audience_codes()
        query = f"?audience={codes[0]}" if len(codes) == 1 else ""
        return library.get_url(request) + query

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            articles=list(self.articles()),
            resources=list(self.resources()),
            quizzes=list(self.quizzes()),
            library_url=self.library_url(request),
        )
        return context
