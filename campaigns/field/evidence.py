"""An event's sheet, feedback and photos in the admin (issue 21): one screen per event with
the QR codes of its knowledge check (before the talk) and feedback (after it), the printed
sign-in sheet and poster, what the answers add up to, and the photos that show it took
place — served only to those who may see the event, never from the public media."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column

import filetype

from campaigns.field import sheets
from campaigns.models import Event, EventFeedback, EventPhoto, Phase, audience_for
from campaigns.public.feedback import choose_questions, questions_in
from campaigns.reports import feedback_results
from campaigns.views import EventReportView
from jindu.pages.site_address import default_site_is_local
from jindu.uploads.image_files import without_metadata
from schools.scoping import may_reach

PHOTO_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
MAX_PHOTO_BYTES = 15 * 1024 * 1024


def feedback_for(event):
    """The event's feedback, made the first time anyone asks for its sheet or page."""
    audience = audience_for(event)
    feedback, _created = EventFeedback.objects.get_or_create(
        event=event,
        defaults={
            "audience": audience,
            # Evaluated only when the feedback is made.
            "questions": lambda: choose_questions(EventFeedback(audience=audience)),
        },
    )
    return feedback


def _event(request, pk):
    event = get_object_or_404(
        Event.objects.select_related("school", "station", "district", "campaign"), pk=pk
    )
    if not may_reach(request.user, event):
        raise Http404
    if not request.user.has_perm("campaigns.view_event"):
        raise PermissionDenied
    return event


class FeedbackSettingsForm(forms.ModelForm):
    def __init__(self, *args, answered=False, **kwargs):
        super().__init__(*args, **kwargs)
        # The questions are fixed once someone answered; the language may still change.
        self.fields["audience"].disabled = answered

    class Meta:
        model = EventFeedback
        fields = ["audience", "language"]
        help_texts = {
            "audience": gettext_lazy(
                "Chooses the questions of the knowledge check; fixed once someone has answered."
            ),
            "language": gettext_lazy("The language the QR codes open the page in."),
        }


class PhotoForm(forms.ModelForm):
    class Meta:
        model = EventPhoto
        fields = ["file", "caption", "may_publish", "consent"]

    def clean_consent(self):
        if not self.cleaned_data.get("consent"):
            raise forms.ValidationError(
                _("Confirm that everyone recognisable agreed, or do not upload the photo.")
            )
        return True

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("The photo is larger than 15 MB."))
        data = upload.read()
        kind = filetype.guess(data)
        if kind is None or kind.mime not in PHOTO_TYPES:
            raise forms.ValidationError(_("Upload a JPEG, PNG or WebP photo."))
        cleaned = without_metadata(data)
        if cleaned is None:
            raise forms.ValidationError(_("The photo could not be read."))
        # The location, the camera and the time the photo was taken go; the pixels stay.
        from django.core.files.uploadedfile import SimpleUploadedFile

        return SimpleUploadedFile("photo" + PHOTO_TYPES[kind.mime], cleaned, kind.mime)


def event_feedback_view(request, pk):
    """Sign-in sheet & feedback (签到表与反馈): the QR codes, the sheets, the results, the
    photos."""
    event = _event(request, pk)
    feedback = feedback_for(event)
    answered = feedback.tallies.filter(responses__gt=0).exists()
    can_change = request.user.has_perm("campaigns.change_event")
    settings_form = FeedbackSettingsForm(instance=feedback, answered=answered)
    photo_form = PhotoForm()
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if "upload_photo" in request.POST:
            photo_form = PhotoForm(request.POST, request.FILES)
            if photo_form.is_valid():
                photo = photo_form.save(commit=False)
                photo.event, photo.uploaded_by = event, request.user
                photo.save()
                messages.success(request, _("The photo was added; its location data was removed."))
                return redirect(request.path)
        else:
            settings_form = FeedbackSettingsForm(request.POST, instance=feedback, answered=answered)
            if settings_form.is_valid():
                feedback = settings_form.save(commit=False)
                if not answered:
                    feedback.questions = choose_questions(feedback)
                feedback.save()
                messages.success(request, _("The questionnaire was saved."))
                return redirect(request.path)
    codes = []
    for phase, label in (
        (Phase.BEFORE, _("Before the talk: knowledge check")),
        (Phase.AFTER, _("After the talk: feedback and knowledge check")),
    ):
        url = sheets.feedback_url(feedback, phase)
        codes.append(
            {"label": label, "url": url, "svg": sheets.qr_svg(url), "open": feedback.is_open(phase)}
        )
    local, site = default_site_is_local()
    return TemplateResponse(
        request,
        "campaigns/admin/event_feedback.html",
        {
            "page_title": _("Sign-in sheet & feedback"),
            "header_icon": "clipboard-list",
            "event": event,
            "feedback": feedback,
            "codes": codes,
            # Printed codes that point to localhost open on no phone: said before printing.
            "local_address": site.root_url if local else "",
            "opens_at": feedback.opens_at(),
            "closes_at": feedback.closes_at(Phase.AFTER),
            "questions": [
                question for question, _right in questions_in(feedback, translation.get_language())
            ],
            "results": feedback_results.event_results(event),
            "settings_form": settings_form,
            "photo_form": photo_form,
            "photos": event.photos.all(),
            "can_change": can_change,
            "answered": answered,
            "sheet_url": reverse("campaigns_event_sheet", args=[event.pk]),
            "poster_url": reverse("campaigns_event_poster", args=[event.pk]),
            "edit_url": reverse("wagtailsnippets_campaigns_event:edit", args=[event.pk]),
        },
    )


def _pdf(data, name):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def sheet_view(request, pk):
    event = _event(request, pk)
    return _pdf(sheets.sign_in_sheet(event, feedback_for(event)), f"sign-in-{event.pk}.pdf")


def poster_view(request, pk):
    event = _event(request, pk)
    return _pdf(sheets.poster(event, feedback_for(event)), f"feedback-poster-{event.pk}.pdf")


def photo_view(request, pk):
    """A photo, to those who may see its event only; never cached by anyone else."""
    photo = get_object_or_404(EventPhoto.objects.select_related("event"), pk=pk)
    _event(request, photo.event_id)
    kind = filetype.guess(photo.file.open("rb").read(261))
    photo.file.seek(0)
    response = FileResponse(photo.file, content_type=kind.mime if kind else "image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def delete_photo(request, pk):
    photo = get_object_or_404(EventPhoto.objects.select_related("event"), pk=pk)
    event = _event(request, photo.event_id)
    if request.method != "POST" or not request.user.has_perm("campaigns.change_event"):
        raise PermissionDenied
    photo.delete()  # and its file (campaigns.models.feedback.delete_photo_file)
    messages.success(request, _("The photo was deleted."))
    return redirect("campaigns_event_feedback", event.pk)


class FeedbackReportView(EventReportView):
    """Did the talks work? The feedback of the user's events by campaign, venue type,
    audience, station or month, exported like the other reports."""

    dimensions = feedback_results.DIMENSIONS
    breakdown = staticmethod(feedback_results.breakdown)
    export_prefix = "feedback"
    index_url_name = "campaigns_feedback_report"
    results_url_name = "campaigns_feedback_report_results"
    header_icon = "clipboard-list"
    list_export = [
        "label",
        "events",
        "responses_before",
        "responses",
        "right_before",
        "right_after",
        "change",
        "usefulness",
        "recommend",
    ]
    export_headings = {
        "label": gettext_lazy("Group"),
        "events": gettext_lazy("Events with answers"),
        "responses_before": gettext_lazy("Answers before the talk"),
        "responses": gettext_lazy("Answers after the talk"),
        "right_before": gettext_lazy("Right before (%)"),
        "right_after": gettext_lazy("Right after (%)"),
        "change": gettext_lazy("Change (points)"),
        "usefulness": gettext_lazy("Usefulness (1–5)"),
        "recommend": gettext_lazy("Would tell a friend (%)"),
    }
    columns = [Column(name, label=label) for name, label in export_headings.items()]

    def get_page_title(self):
        return _("Feedback by %(dimension)s") % {
            "dimension": str(self.dimensions[self.dimension][0]).lower()
        }

    def totals(self, rows):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = feedback_results.results(self.chosen_events())
        context["summary"] = _(
            "In total: %(after)s answers after the talks and %(before)s before; right after: "
            "%(right_after)s %%, before: %(right_before)s %%."
        ) % {
            "after": found["responses"],
            "before": found["responses_before"],
            "right_after": _or_dash(found["right_after"]),
            "right_before": _or_dash(found["right_before"]),
        }
        return context


def _or_dash(value):
    return "—" if value is None else value


def feedback_url_of(event):
    return reverse("campaigns_event_feedback", args=[event.pk])


urls = [
    path(
        "campaigns/events/<int:pk>/feedback/",
        event_feedback_view,
        name="campaigns_event_feedback",
    ),
    path("campaigns/events/<int:pk>/sheet.pdf", sheet_view, name="campaigns_event_sheet"),
    path("campaigns/events/<int:pk>/poster.pdf", poster_view, name="campaigns_event_poster"),
    path(
        "campaigns/feedback/<slug:dimension>/",
        FeedbackReportView.as_view(),
        name="campaigns_feedback_report",
    ),
    path(
        "campaigns/feedback/<slug:dimension>/results/",
        FeedbackReportView.as_view(results_only=True),
        name="campaigns_feedback_report_results",
    ),
    path("campaigns/photos/<int:pk>/", photo_view, name="campaigns_event_photo"),
    path("campaigns/photos/<int:pk>/delete/", delete_photo, name="campaigns_delete_photo"),
]
