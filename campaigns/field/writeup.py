"""Turning a completed event into a draft news article (工作动态) that staff edit and send
to review. It states facts the records hold — date, station, place, who came, materials —
in sentences a social worker would write (2026年11月5日，浦东新区工作站的禁毒社工走进…),
never a list of field values. Nothing about the people in the audience but counts."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from wagtail.images import get_image_model

from campaigns.models import HANDED_OUT, EventFormat, VenueType
from jindu.models import ArticlePage, SectionPage

NEWS_SECTION_SLUG = "news"


def news_sections():
    """The news section (slug "news") in every language."""
    return SectionPage.objects.filter(slug=NEWS_SECTION_SLUG)


def news_section():
    section = SectionPage.objects.filter(
        slug=NEWS_SECTION_SLUG, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if section is None:
        raise LookupError(_("There is no news section (slug “news”) to put the article in."))
    return section


def activity(event_format):
    """What was held, as the object of a sentence: 禁毒主题讲座, "a drug prevention talk"."""
    return {
        EventFormat.TALK: pgettext("write-up", "a drug prevention talk"),
        EventFormat.EXHIBITION: pgettext("write-up", "a drug prevention exhibition"),
        EventFormat.BOOTH: pgettext("write-up", "an information booth"),
        EventFormat.GROUP: pgettext("write-up", "a drug prevention group session"),
        EventFormat.TRAINING: pgettext("write-up", "a drug prevention training"),
        EventFormat.CONTEST: pgettext("write-up", "a drug knowledge contest"),
        EventFormat.EXPERIENCE: pgettext("write-up", "a hands-on drug prevention session"),
        EventFormat.CARAVAN: pgettext("write-up", "the anti-drug caravan"),
    }.get(event_format, pgettext("write-up", "a drug prevention activity"))


def venue_phrase(venue_type):
    """Where, when the record names no place: 一处建设工地, "a construction site"."""
    return {
        VenueType.COMMUNITY: pgettext("write-up", "a community"),
        VenueType.FAMILY: pgettext("write-up", "a family home"),
        VenueType.SCHOOL: pgettext("write-up", "a school"),
        VenueType.ENTERTAINMENT: pgettext("write-up", "an entertainment venue"),
        VenueType.CONSTRUCTION: pgettext("write-up", "a construction site"),
        VenueType.ENTERPRISE: pgettext("write-up", "a workplace"),
        VenueType.PUBLIC_PLACE: pgettext("write-up", "a public place"),
        VenueType.REHABILITATION: pgettext("write-up", "a rehabilitation centre"),
        VenueType.METHADONE: pgettext("write-up", "a methadone clinic"),
    }.get(venue_type, pgettext("write-up", "a public place"))


def _lower_first(label):
    label = str(label)
    return label[:1].lower() + label[1:]


def _listing(items):
    """Items joined as the language lists them: 初中生320人、教师15人 / a, b and c."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s and %(last)s") % {
        "first": pgettext("list separator", ", ").join(items[:-1]),
        "last": items[-1],
    }


def opening_sentence(event):
    values = {
        "date": formats.date_format(timezone.localtime(event.start).date(), "DATE_FORMAT"),
        "station": event.station.name,
        "activity": activity(event.format),
        "district": event.district.name,
    }
    place = event.school.name if event.school_id else (event.organisation or event.address)
    if event.venue_type == VenueType.ONLINE:
        return (
            _("On %(date)s, anti-drug social workers of %(station)s held %(activity)s online.")
            % values
        )
    if event.school_id:
        return _(
            "On %(date)s, anti-drug social workers of %(station)s visited %(place)s and gave %(activity)s."
        ) % {**values, "place": place}
    if place:
        return _(
            "On %(date)s, anti-drug social workers of %(station)s held %(activity)s at %(place)s, %(district)s."
        ) % {**values, "place": place}
    return _(
        "On %(date)s, anti-drug social workers of %(station)s held %(activity)s at %(venue)s in %(district)s."
    ) % {**values, "venue": venue_phrase(event.venue_type)}


def audience_sentence(attendance):
    groups = [
        _("%(count)s %(group)s") % {"count": a.count, "group": _lower_first(a.get_group_display())}
        for a in attendance
        if a.count
    ]
    total = sum(a.count for a in attendance)
    if not groups:
        return ""
    if len(groups) == 1:
        return _("%(groups)s took part.") % {"groups": groups[0]}
    return _("%(total)s people took part: %(groups)s.") % {
        "total": total,
        "groups": _listing(groups),
    }


def materials_sentence(materials):
    items = [
        _("%(material)s (%(quantity)s %(unit)s)")
        % {"material": m["material__name"], "quantity": m["quantity"], "unit": m["material__unit"]}
        for m in materials
    ]
    if not items:
        return ""
    return _("They handed out %(materials)s.") % {"materials": _listing(items)}


def write_up_body(event):
    attendance = list(event.attendance.order_by("group"))
    total = sum(a.count for a in attendance)
    materials = list(
        event.stock_movements.values("material__name", "material__unit")
        .annotate(quantity=HANDED_OUT)
        .filter(quantity__gt=0)
        .order_by("material__name")
    )
    # Chinese writes sentences without spaces between them.
    joiner = "" if translation.get_language().startswith("zh") else " "
    opening = joiner.join(
        part
        for part in (
            opening_sentence(event),
            audience_sentence(attendance),
            materials_sentence(materials),
        )
        if part
    )
    blocks = [{"type": "paragraph", "value": f"<p>{escape(opening)}</p>"}]
    if event.description:
        blocks.append({"type": "paragraph", "value": f"<p>{escape(event.description)}</p>"})
    facts = [
        _("%(group)s: %(count)s") % {"group": a.get_group_display(), "count": a.count}
        for a in attendance
    ]
    facts += [
        _("%(material)s handed out: %(quantity)s %(unit)s")
        % {"material": m["material__name"], "quantity": m["quantity"], "unit": m["material__unit"]}
        for m in materials
    ]
    if facts:
        blocks.append({"type": "key_facts", "value": {"title": _("In figures"), "facts": facts}})
    return blocks, total


def photo_blocks(event, user=None):
    """The event's photos that staff marked as fit for a public article, copied into the
    image library (already without location data) as image blocks; the others stay
    private."""
    image_model = get_image_model()
    found = []
    for photo in event.photos.filter(may_publish=True, consent=True):
        with photo.file.open("rb") as file:
            data = file.read()
        name = photo.file.name.rsplit("/", 1)[-1]
        image = image_model(
            title=(photo.caption or event.title)[:255],
            description=(photo.caption or event.title)[:255],
            credit=event.station.name,
            file=ContentFile(data, name=name),
            uploaded_by_user=user if user and user.is_authenticated else None,
        )
        image.save()
        found.append(
            {
                "type": "image",
                "value": {"image": image.pk, "caption": photo.caption, "credit": image.credit},
            }
        )
    return found


def create_write_up(event, user=None):
    section = news_section()
    with translation.override(settings.LANGUAGE_CODE):
        body, _total = write_up_body(event)
        body += photo_blocks(event, user)
        intro = _("%(station)s: %(title)s") % {"station": event.station.name, "title": event.title}
        slug = f"event-{event.pk}"
        taken = set(
            ArticlePage.objects.child_of(section)
            .filter(slug__startswith=slug)
            .values_list("slug", flat=True)
        )
        number = 1
        while slug in taken:
            number += 1
            slug = f"event-{event.pk}-{number}"
        page = ArticlePage(
            title=event.title,
            slug=slug,
            intro=intro[:500],
            body=body,
            published_date=timezone.localtime(event.start).date(),
            source=event.station.name,
            live=False,
            owner=user if user and user.is_authenticated else None,
            locale=section.locale,
        )
        section.add_child(instance=page)
        page.save_revision(user=user if user and user.is_authenticated else None)
    return page
