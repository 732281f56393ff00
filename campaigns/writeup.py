"""Turning a completed event into a draft news article (工作动态) that staff edit and send
to review. It states facts the records hold: date, station, place, headcounts, materials.
Nothing about the people in the audience."""

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from campaigns.models import MovementKind
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


def write_up_body(event):
    local = timezone.localtime(event.start)
    place = event.school.name if event.school_id else event.organisation
    attendance = list(event.attendance.order_by("group"))
    total = sum(a.count for a in attendance)
    materials = (
        event.stock_movements.filter(kind=MovementKind.DISTRIBUTION)
        .values("material__name", "material__unit")
        .annotate(quantity=Sum("quantity"))
        .order_by("material__name")
    )
    values = {
        "date": local.strftime("%Y-%m-%d"),
        "station": event.station.name,
        "format": event.get_format_display(),
        "place": place or event.address,
        "venue": event.get_venue_type_display(),
        "district": event.district.name,
        "total": total,
    }
    if values["place"]:
        opening = (
            _(
                "On %(date)s, %(station)s held a %(format)s at %(place)s (%(venue)s, %(district)s), "
                "reaching %(total)s people."
            )
            % values
        )
    else:
        opening = (
            _(
                "On %(date)s, %(station)s held a %(format)s (%(venue)s, %(district)s), reaching "
                "%(total)s people."
            )
            % values
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


def create_write_up(event, user=None):
    section = news_section()
    with translation.override(settings.LANGUAGE_CODE):
        body, _total = write_up_body(event)
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
