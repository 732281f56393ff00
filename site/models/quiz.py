from django.forms import CheckboxSelectMultiple
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from jindu.pages.blocks import QuizQuestionBlock
from jindu.security.query_values import chosen_id

from .mixins import PublicPageMixin, intro_field, page_search_fields
from .taxonomy import Audience


class QuizPage(PublicPageMixin, Page):
    """A knowledge quiz. Answers are posted (so they never reach an address bar, a history
    or a server's access log) and marked on the spot: nothing a reader answers is stored.
    The form carries a per-visitor CSRF token, so the page is never kept in a shared cache."""

    intro = intro_field()
    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=_("audiences"),
        blank=True,
        related_name="quizzes",
        help_text=_(
            "Who the questions suit. Events ask the questions of the quiz for their audience "
            "in their knowledge check, before and after the talk."
        ),
    )
    questions = StreamField(
        [("question", QuizQuestionBlock())], verbose_name=_("questions"), min_num=1
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("audiences", widget=CheckboxSelectMultiple),
        FieldPanel("questions"),
    ]
    override_translatable_fields = [SynchronizedField("audiences")]
    search_fields = page_search_fields(Page, index.SearchField("intro"))
    parent_page_types = ["jindu.HomePage", "jindu.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def mark(self, answers):
        """For each question: the options, which one the reader chose, and whether it was
        right. ``answers`` maps 'q0', 'q1', … to option numbers; anything else is ignored."""
        results = []
        for number, block in enumerate(self.questions):
            value = block.value
            raw = answers.get(f"q{number}", "")
            chosen = chosen_id(raw)
            if chosen is not None and chosen >= len(value["options"]):
                chosen = None
            correct = next(i for i, option in enumerate(value["options"]) if option["correct"])
            results.append(
                {
                    "number": number,
                    "question": value["question"],
                    "options": value["options"],
                    "explanation": value["explanation"],
                    "chosen": chosen,
                    "correct": correct,
                    "is_right": chosen == correct,
                }
            )
        return results

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        submitted = request.method == "POST"
        results = self.mark(request.POST) if submitted else None
        context["submitted"] = submitted
        context["results"] = results
        if results is not None:
            context["score"] = sum(1 for r in results if r["is_right"])
            context["total"] = len(results)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=request.method == "POST")
        return response
