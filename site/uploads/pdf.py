"""PDFs with Chinese text, written with reportlab: downloads (posters, leaflets, lesson
plans) and printed sheets. reportlab's built-in CID font for simplified Chinese (STSong-Light,
an Adobe Asian font every PDF reader knows) needs no font file in the project or the PDF, and
it has Latin letters too, so one font serves both languages."""

import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

FONT = "STSong-Light"
GREEN = colors.HexColor("#0b5d3b")
RED = colors.HexColor("#a4161a")


def font():
    """The CID font's name, registered once per process."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def styles():
    name = font()
    # Chinese has no spaces to break lines at: wordWrap="CJK" breaks between characters.
    base = ParagraphStyle("body", fontName=name, fontSize=11, leading=17, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontSize=24, leading=32, textColor=GREEN, spaceAfter=6 * mm
        ),
        "poster": ParagraphStyle(
            "poster",
            parent=base,
            fontSize=40,
            leading=52,
            textColor=GREEN,
            alignment=TA_CENTER,
            spaceAfter=10 * mm,
        ),
        "slogan": ParagraphStyle(
            "slogan",
            parent=base,
            fontSize=20,
            leading=28,
            textColor=RED,
            alignment=TA_CENTER,
            spaceAfter=8 * mm,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontSize=14,
            leading=20,
            textColor=GREEN,
            spaceBefore=4 * mm,
            spaceAfter=2 * mm,
        ),
        "small": ParagraphStyle(
            "small", parent=base, fontSize=9, leading=13, textColor=colors.HexColor("#4a524e")
        ),
        "big": ParagraphStyle("big", parent=base, fontSize=15, leading=24),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
    }


def bullets(items, style):
    return ListFlowable(
        [ListItem(Paragraph(item, style), leftIndent=12) for item in items],
        bulletType="bullet",
        bulletFontName="Helvetica",  # the CID font has no bullet glyph
        start="•",
    )


def build(story, *, title, pagesize=A4, margins=18 * mm, on_page=None):
    """The PDF's bytes for ``story`` (reportlab flowables)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margins,
        rightMargin=margins,
        topMargin=margins,
        bottomMargin=margins,
        title=title,
        author="Jindu",
    )
    kwargs = {"onFirstPage": on_page, "onLaterPages": on_page} if on_page else {}
    document.build(story, **kwargs)
    return buffer.getvalue()


def text_document(spec):
    """A document from a spec: {"title", "kind" (poster or document), "slogan", "sections":
    [(heading, [paragraph or list of bullet items])], "footer"}."""
    style = styles()
    story = []
    if spec.get("kind") == "poster":
        story += [Spacer(1, 20 * mm), Paragraph(spec["title"], style["poster"])]
        if spec.get("slogan"):
            story.append(Paragraph(spec["slogan"], style["slogan"]))
    else:
        story.append(Paragraph(spec["title"], style["title"]))
        if spec.get("slogan"):
            story.append(Paragraph(spec["slogan"], style["big"]))
    for heading, parts in spec.get("sections", []):
        if heading:
            story.append(Paragraph(heading, style["heading"]))
        for part in parts:
            if isinstance(part, (list, tuple)):
                story.append(
                    bullets(part, style["big"] if spec.get("kind") == "poster" else style["body"])
                )
            else:
                story.append(Paragraph(part, style["body"]))
            story.append(Spacer(1, 2 * mm))
    if spec.get("footer"):
        story += [Spacer(1, 8 * mm), Paragraph(spec["footer"], style["small"])]
    return build(
        story, title=spec["title"], on_page=_poster_frame if spec.get("kind") == "poster" else None
    )


def _poster_frame(canvas, document):
    """A poster's green frame and red band, drawn on the page under the text."""
    width, height = document.pagesize
    canvas.saveState()
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(6 * mm)
    canvas.rect(6 * mm, 6 * mm, width - 12 * mm, height - 12 * mm)
    canvas.setFillColor(RED)
    canvas.rect(9 * mm, 9 * mm, width - 18 * mm, 14 * mm, stroke=0, fill=1)
    canvas.restoreState()
