"""The feedback page a QR code opens on a phone (issue 21): anonymous, no login, nothing
stored but counts. After the talk: how useful it was, would you tell a friend, and a short
knowledge check from the quiz bank for the event's audience; before the talk: the same check
alone, so that the change can be measured. Open from an hour before the event until a few
days after it (FEEDBACK_OPEN_DAYS); one answer per phone and phase (a signed cookie), and at
most FEEDBACK_ANSWERS_PER_ADDRESS from one connection (a class on school Wi-Fi shares one);
CSRF-protected, with a honeypot; never kept in a cache."""

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from django_ratelimit.core import is_ratelimited

from campaigns.models import EventFeedback, Phase
from jindu.models import QuizPage

MAX_QUESTIONS = 5
USEFULNESS = [(str(n), str(n)) for n in range(1, 6)]
RECOMMEND = [("yes", _("Yes")), ("unsure", _("Not sure")), ("no", _("No"))]


def choose_questions(feedback):
    """The questions of the quiz bank for the event's audience (a quiz for that audience,
    else one for everyone), chosen once so that before and after ask the same."""
    quizzes = QuizPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    quiz = (
        quizzes.filter(audiences__code=feedback.audience).first()
        or quizzes.filter(audiences__isnull=True).first()
        or quizzes.first()
    )
    if quiz is None:
        return []
    return [
        {"quiz": str(quiz.translation_key), "block": block.id}
        for block in list(quiz.questions)[:MAX_QUESTIONS]
    ]


def questions_in(feedback, language):
    """[(question value, index of the right option)] in ``language`` where the quiz is
    translated, else in the original."""
    if not feedback.questions:
        return []
    key = feedback.questions[0]["quiz"]
    quizzes = QuizPage.objects.live().filter(translation_key=key)
    quiz = (
        quizzes.filter(locale__language_code=language).first()
        or quizzes.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if quiz is None:
        return []
    blocks = {block.id: block.value for block in quiz.questions}
    found = []
    for item in feedback.questions:
        value = blocks.get(item["block"])
        if value is not None:
            right = next(i for i, option in enumerate(value["options"]) if option["correct"])
            found.append((value, right))
    return found


class FeedbackForm(forms.Form):
    # A field people never see and robots fill in.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, phase, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        if phase == Phase.AFTER:
            self.fields["usefulness"] = forms.ChoiceField(
                label=_("How useful was it? (1 = not at all, 5 = very)"),
                choices=USEFULNESS,
                widget=forms.RadioSelect,
            )
            self.fields["recommend"] = forms.ChoiceField(
                label=_("Would you tell a friend what you learnt?"),
                choices=RECOMMEND,
                widget=forms.RadioSelect,
            )
        for number, (question, _right) in enumerate(questions):
            self.fields[f"q{number}"] = forms.ChoiceField(
                label=question["question"],
                choices=[(str(i), option["text"]) for i, option in enumerate(question["options"])],
                widget=forms.RadioSelect,
            )

    def marked(self):
        """[(question, chosen, right)] and the number right."""
        results = [
            (question, int(self.cleaned_data[f"q{number}"]), right)
            for number, (question, right) in enumerate(self.questions)
        ]
        return results, sum(1 for _q, chosen, right in results if chosen == right)


def _limited(request, feedback, phase):
    """Counts this answer against its connection and says whether it is one too many.
    (Only a flood from one connection is refused: a whole class answers over one school
    Wi-Fi. With the limit's cache down, nothing is refused: RATELIMIT_FAIL_OPEN.)"""
    days = settings.FEEDBACK_OPEN_DAYS + 1
    return is_ratelimited(
        request,
        group=f"feedback:{feedback.pk}:{phase}",
        key="ip",
        rate=f"{settings.FEEDBACK_ANSWERS_PER_ADDRESS}/{days}d",
        method=["POST"],
        increment=True,
    )


def _answered_cookie(feedback, phase):
    return f"jindu-answered-{feedback.pk}-{phase}"


def _answered_on_this_phone(request, feedback, phase):
    name = _answered_cookie(feedback, phase)
    return request.get_signed_cookie(name, default=None, salt=name) is not None


@require_http_methods(["GET", "POST"])
def feedback_view(request, token, phase=Phase.AFTER):
    feedback = get_object_or_404(EventFeedback.objects.select_related("event"), token=token)
    language = translation.get_language()
    questions = questions_in(feedback, language)
    context = {"feedback": feedback, "event": feedback.event, "phase": phase}
    template = "campaigns/feedback_page.html"
    if not feedback.is_open(phase):
        context["closed"] = True
        return _private(TemplateResponse(request, template, context))
    if _answered_on_this_phone(request, feedback, phase):
        context["answered"] = True
        return _private(TemplateResponse(request, template, context))
    form = FeedbackForm(request.POST or None, phase=phase, questions=questions)
    if request.method == "POST" and form.is_valid():
        if _limited(request, feedback, phase):
            context["limited"] = True
            return _private(TemplateResponse(request, template, context, status=429))
        results, right = form.marked()
        if not form.cleaned_data["website"]:  # a robot's answer counts for nothing
            feedback.count(
                phase,
                usefulness=int(form.cleaned_data.get("usefulness") or 0) or None,
                recommend=form.cleaned_data.get("recommend") or None,
                asked=len(results),
                right=right,
            )
        context.update(done=True, results=results, right=right, asked=len(results))
        response = _private(TemplateResponse(request, template, context))
        if form.cleaned_data["website"]:
            return response
        name = _answered_cookie(feedback, phase)
        response.set_signed_cookie(
            name,
            "1",
            salt=name,
            max_age=(settings.FEEDBACK_OPEN_DAYS + 1) * 86400,
            path=request.path,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
        return response
    context["form"] = form
    return _private(TemplateResponse(request, template, context))


def _private(response):
    """The form carries a CSRF token for one phone; answers are nobody else's."""
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response
