"""The printed sheets of an event (issue 21): the sign-in sheet (签到表) staff take to a talk —
the event, the place, the time, the social workers, a headcount table by audience group to
fill in by hand, and the QR codes of the knowledge check before the talk and the feedback
after it — and a poster of the feedback QR code for the back of a hall. PDF, with Chinese
(jindu.uploads.pdf); QR codes by segno."""

import io

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, Spacer, Table, TableStyle

from campaigns.models import Phase
from jindu.pages.choices import AudienceGroup
from jindu.uploads.pdf import build, font, styles


def feedback_url(feedback, phase):
    """The absolute address a QR code carries: the site's configured address (Settings →
    Sites), in the language of the event's audience."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    with translation.override(feedback.language):
        name = "campaigns_feedback_before" if phase == Phase.BEFORE else "campaigns_feedback"
        return root + reverse(name, args=[feedback.token])


def qr_png(url, scale):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    buffer.seek(0)
    return buffer


def qr_svg(url):
    """The QR code as inline SVG, for the admin page."""
    return segno.make(url, error="m").svg_inline(scale=4, border=2)


def _facts(event):
    place = event.school.name if event.school_id else (event.organisation or event.address)
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    counsellors = "、".join(c.name for c in event.counsellors.all()) or "—"
    return [
        (_("Event"), event.title),
        (
            _("Place"),
            _("%(place)s, %(district)s") % {"place": place or "—", "district": event.district.name},
        ),
        (_("Time"), f"{start:%Y-%m-%d %H:%M} - {end:%H:%M}"),
        (_("Work station"), event.station.name),
        (_("Social workers"), counsellors),
    ]


def sign_in_sheet(event, feedback):
    """The A4 sign-in sheet of ``event``, its QR codes pointing at ``feedback``."""
    style = styles()
    body, small = style["body"], style["small"]
    story = [Paragraph(_("Sign-in sheet"), style["title"])]
    facts = Table(
        [[Paragraph(label, body), Paragraph(str(value), body)] for label, value in _facts(event)],
        colWidths=[32 * mm, 142 * mm],
    )
    facts.setStyle(grid())
    story += [
        facts,
        Spacer(1, 6 * mm),
        Paragraph(_("Who came (write the numbers)"), style["heading"]),
    ]
    rows = [[Paragraph(_("Audience"), body), Paragraph(_("Number"), body)]]
    rows += [[Paragraph(str(group.label), body), ""] for group in AudienceGroup]
    rows.append([Paragraph(_("Total"), body), ""])
    headcount = Table(rows, colWidths=[80 * mm, 40 * mm], rowHeights=[8 * mm] * len(rows))
    headcount.setStyle(grid())
    story += [headcount, Spacer(1, 5 * mm)]
    story.append(Paragraph(_("Materials handed out: ____________________"), body))
    story.append(
        Paragraph(_("Signed (social worker): ____________  (school or host): ____________"), body)
    )
    story += [Spacer(1, 6 * mm)]
    codes = []
    for phase, caption in (
        (Phase.BEFORE, _("Before the talk: scan and answer")),
        (Phase.AFTER, _("After the talk: scan and tell us")),
    ):
        url = feedback_url(feedback, phase)
        codes.append(
            [
                Image(qr_png(url, 6), width=42 * mm, height=42 * mm),
                Paragraph(f"{caption}<br/>{url}", small),
            ]
        )
    table = Table([codes[0] + codes[1]], colWidths=[45 * mm, 42 * mm, 45 * mm, 42 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(table)
    story.append(Paragraph(_("Anonymous: no names are asked for or kept."), small))
    return build(story, title=f"{_('Sign-in sheet')} · {event.title}", pagesize=A4)


def poster(event, feedback):
    """An A3 poster of the feedback QR code, for the back of a hall."""
    style = styles()
    url = feedback_url(feedback, Phase.AFTER)
    story = [
        Spacer(1, 15 * mm),
        Paragraph(_("Tell us what you think"), style["poster"]),
        Paragraph(event.title, style["slogan"]),
        Image(qr_png(url, 12), width=170 * mm, height=170 * mm),
        Spacer(1, 8 * mm),
        Paragraph(_("Scan with your phone: three minutes, anonymous."), style["big"]),
        Paragraph(url, style["centre"]),
    ]
    return build(story, title=f"{_('Feedback')} · {event.title}", pagesize=A3)


def grid():
    """Ruled table cells in the Chinese font."""
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("FONTNAME", (0, 0), (-1, -1), font()),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
