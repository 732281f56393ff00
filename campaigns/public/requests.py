"""The public school talk request: validation, spam protection and what happens to a
valid request."""

import datetime

from django import forms
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from django_ratelimit.core import get_usage
from django_tasks import task

from campaigns.models.choices import EventFormat, EventStatus, VenueType
from campaigns.models.events import Event
from campaigns.models.requests import TalkRequest

# The models' own modules: the talk request page serves this while the models package is
# still being loaded.
from jindu.pages.text import phone_number
from schools.models import District, School, Station, localized
from schools.reminders import station_managers

MAX_AUDIENCE = 5000


class TalkRequestForm(forms.Form):
    school_name = forms.CharField(label=gettext_lazy("School name"), max_length=100)
    district = forms.ChoiceField(label=gettext_lazy("District"))
    contact_name = forms.CharField(label=gettext_lazy("Your name"), max_length=50)
    contact_phone = forms.CharField(
        label=gettext_lazy("Your phone"),
        max_length=40,
        help_text=gettext_lazy("We call you to agree the date."),
    )
    preferred_date = forms.DateField(
        label=gettext_lazy("Preferred date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    alternative_dates = forms.CharField(
        label=gettext_lazy("Other dates that suit you"), max_length=200, required=False
    )
    grades = forms.CharField(label=gettext_lazy("Grades or classes"), max_length=100)
    audience_size = forms.IntegerField(
        label=gettext_lazy("Number of students"), min_value=1, max_value=MAX_AUDIENCE
    )
    topic = forms.CharField(
        label=gettext_lazy("What should the talk cover?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        required=False,
    )
    consent = forms.BooleanField(
        label=gettext_lazy(
            "I agree that the station keeps these details to arrange the talk, as the notice above says."
        )
    )
    # A field people never see or fill in; form-filling robots do.
    website = forms.CharField(label=gettext_lazy("Leave this empty"), required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        originals = District.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
            "sort_order"
        )
        shown = (
            localized(originals, locale.pk) if locale is not None else {d.pk: d for d in originals}
        )
        self.fields["district"].choices = [("", "—")] + [
            (str(pk), d.name) for pk, d in shown.items()
        ]

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        phone_number(phone)
        # Counted in the database, so the limit holds whatever the address and even while
        # the address limits' cache (Redis) is down.
        limit, seconds = rate_limit(settings.TALK_REQUEST_RATE)
        since = timezone.now() - datetime.timedelta(seconds=seconds)
        if TalkRequest.objects.filter(contact_phone=phone, created_at__gte=since).count() >= limit:
            raise forms.ValidationError(
                _(
                    "Several requests with this phone number have just been received. The "
                    "station will call you; for anything urgent, call the station."
                )
            )
        return phone

    def clean_preferred_date(self):
        date = self.cleaned_data["preferred_date"]
        today = timezone.localdate()
        if date <= today:
            raise forms.ValidationError(_("Choose a date after today."))
        if date > today + datetime.timedelta(days=365):
            raise forms.ValidationError(_("Choose a date within the next year."))
        return date

    def clean_district(self):
        try:
            return District.objects.get(pk=int(self.cleaned_data["district"]))
        except (ValueError, District.DoesNotExist) as error:
            raise forms.ValidationError(_("Choose your district from the list.")) from error


def rate_limit(rate):
    """(count, seconds) of a rate as django-ratelimit writes it: "5/h", "20/30m"."""
    count, period = rate.split("/")
    unit = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[-1]]
    return int(count), unit * int(period[:-1] or 1)


def station_for(district):
    station = Station.objects.filter(district=district, is_public=True).order_by("pk").first()
    return (
        station
        or Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
        .first()
    )


def create_request(data, language):
    district = data["district"]
    school = School.objects.filter(
        name=data["school_name"].strip(), district=district, active=True
    ).first()
    start = datetime.datetime.combine(
        data["preferred_date"], datetime.time(9, 0), tzinfo=timezone.get_current_timezone()
    )
    with transaction.atomic():
        event = Event.objects.create(
            title=_("Talk requested by %(school)s") % {"school": data["school_name"]},
            description=data["topic"],
            venue_type=VenueType.SCHOOL,
            format=EventFormat.TALK,
            school=school,
            organisation="" if school else data["school_name"],
            district=district,
            station=station_for(district),
            start=start,
            end=start + datetime.timedelta(hours=1),
            status=EventStatus.REQUESTED,
            is_public=False,
        )
        request = TalkRequest.objects.create(
            event=event,
            school_name=data["school_name"],
            contact_name=data["contact_name"],
            contact_phone=data["contact_phone"],
            preferred_dates=", ".join(
                filter(None, [data["preferred_date"].isoformat(), data["alternative_dates"]])
            ),
            grades=data["grades"],
            audience_size=data["audience_size"],
            topic=data["topic"],
            language=language,
        )
        transaction.on_commit(lambda: notify_station.enqueue(request.pk))
    return request


@task()
def notify_station(talk_request_id):
    """Email the managers of the request's station. A task, so a slow or failing mail server
    never holds up or loses the school's request (it is saved before this runs)."""
    talk_request = (
        TalkRequest.objects.select_related("event__station", "event__district")
        .filter(pk=talk_request_id)
        .first()
    )
    if talk_request is None:
        return
    event = talk_request.event
    recipients = list(station_managers(event.station).values_list("email", flat=True))
    if not recipients:
        return
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_campaigns_event:edit", args=[event.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New talk request from %(school)s") % {"school": talk_request.school_name}
        body = _(
            "%(school)s (%(district)s) asks for a prevention talk.\n\nPreferred dates: %(dates)s\n"
            "Grades: %(grades)s, %(size)s students\nTopic: %(topic)s\n\nContact details and the "
            "request: %(url)s\nConfirm or decline it there."
        ) % {
            "school": talk_request.school_name,
            "district": event.district.name,
            "dates": talk_request.preferred_dates,
            "grades": talk_request.grades,
            "size": talk_request.audience_size,
            "topic": talk_request.topic or "—",
            "url": url,
        }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


# Only what would be stored or mailed (and the honeypot's catches) uses up an address's
# requests: a teacher correcting the form's errors is not held back.
def _request_usage(request, *, use_one):
    return get_usage(
        request,
        group="talk-request",
        key="ip",
        rate=settings.TALK_REQUEST_RATE,
        method="POST",
        increment=use_one,
    )


def _requests_used_up(request):
    usage = _request_usage(request, use_one=False)
    return usage is not None and usage["count"] >= usage["limit"]


def handle_talk_request(page, request, serve, *args, **kwargs):
    context = {"sent": request.GET.get("sent") == "1"}
    status = 200
    if request.method == "POST":
        form = TalkRequestForm(request.POST, locale=page.locale)
        if _requests_used_up(request):
            context["refused"] = _(
                "Too many requests have been sent from your connection. Please try again in an hour, or call the station."
            )
            status = 429
        elif request.POST.get("website"):
            _request_usage(request, use_one=True)
            context["refused"] = _("Your request could not be accepted.")
            status = 400
        elif form.is_valid():
            _request_usage(request, use_one=True)
            create_request(form.cleaned_data, page.locale.language_code)
            return HttpResponseRedirect(page.url + "?sent=1")
    else:
        form = TalkRequestForm(locale=page.locale)
    context["form"] = form
    return TemplateResponse(
        request, page.get_template(request), {**page.get_context(request), **context}, status=status
    )
