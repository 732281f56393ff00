"""Demo pictures and files, drawn with Pillow so that nothing is downloaded or committed."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model

from PIL import Image, ImageDraw, ImageFont

from jindu.models import JinduImage

IMAGES = {
    "community": (
        "插图：社区禁毒宣传 · Illustration: community outreach",
        (11, 93, 59),
        (242, 169, 0),
    ),
    "campaign": (
        "插图：6·26国际禁毒日 · Illustration: June 26 campaign",
        (164, 22, 26),
        (255, 255, 255),
    ),
    "caravan": ("插图：禁毒大篷车 · Illustration: anti-drug caravan", (30, 70, 140), (242, 169, 0)),
    "school": (
        "插图：校园禁毒课堂 · Illustration: a prevention lesson at school",
        (20, 110, 120),
        (255, 255, 255),
    ),
    "support": ("插图：同伴支持 · Illustration: peer support", (90, 60, 130), (250, 220, 120)),
    "law": ("插图：禁毒法 · Illustration: the Anti-Drug Law", (50, 50, 60), (200, 200, 210)),
    "disguised": (
        "插图：伪装成奶茶和糖果的毒品 · Illustration: drugs disguised as milk tea and sweets",
        (190, 85, 20),
        (255, 255, 255),
    ),
}


def _picture(background, accent, size=(1600, 900), motif=None):
    """A gradient with the subject's motif in simple shapes, so the demo's pictures say
    what they illustrate."""
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for step in range(0, height, 6):
        shade = tuple(min(255, c + step // 18) for c in background)
        draw.rectangle([0, step, width, step + 6], fill=shade)
    MOTIFS.get(motif, _plain)(draw, width, height, accent)
    return picture


def _plain(draw, w, h, accent):
    draw.ellipse([w * 0.55, h * 0.15, w * 0.9, h * 0.78], fill=accent)
    draw.rectangle([w * 0.08, h * 0.62, w * 0.5, h * 0.7], fill=accent)
    draw.rectangle([w * 0.08, h * 0.74, w * 0.38, h * 0.8], fill=accent)


def _june_26(draw, w, h, accent):
    # A capsule under the prohibition sign, and the date.
    cx, cy, r = w * 0.72, h * 0.47, h * 0.3
    draw.rounded_rectangle(
        [cx - r * 0.75, cy - r * 0.28, cx + r * 0.75, cy + r * 0.28],
        radius=r * 0.28,
        outline=accent,
        width=14,
    )
    draw.line([cx, cy - r * 0.28, cx, cy + r * 0.28], fill=accent, width=14)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=accent, width=int(r * 0.16))
    offset = r * 0.7
    draw.line(
        [cx - offset, cy - offset, cx + offset, cy + offset], fill=accent, width=int(r * 0.16)
    )
    font = ImageFont.load_default(size=int(h * 0.22))
    draw.text((w * 0.08, h * 0.3), "6·26", font=font, fill=accent)
    draw.rectangle([w * 0.08, h * 0.62, w * 0.42, h * 0.66], fill=accent)


def _community(draw, w, h, accent):
    ground = h * 0.78
    for i, (x, size) in enumerate([(0.1, 0.16), (0.3, 0.2), (0.55, 0.17), (0.76, 0.14)]):
        left, side = w * x, w * size
        top = ground - side * (0.7 + 0.1 * (i % 2))
        draw.rectangle([left, top, left + side, ground], fill=accent)
        draw.polygon(
            [
                (left - side * 0.1, top),
                (left + side / 2, top - side * 0.45),
                (left + side * 1.1, top),
            ],
            fill=accent,
        )
    draw.rectangle([0, ground, w, ground + 12], fill=accent)


def _caravan(draw, w, h, accent):
    body = [w * 0.15, h * 0.3, w * 0.62, h * 0.7]
    draw.rounded_rectangle(body, radius=20, fill=accent)
    draw.rounded_rectangle([w * 0.64, h * 0.42, w * 0.82, h * 0.7], radius=30, fill=accent)
    for x in (0.25, 0.5, 0.74):
        draw.ellipse(
            [w * x - h * 0.08, h * 0.62, w * x + h * 0.08, h * 0.78],
            fill=accent,
            outline=(255, 255, 255),
            width=10,
        )
    draw.line([w * 0.05, h * 0.8, w * 0.95, h * 0.8], fill=accent, width=8)


def _school(draw, w, h, accent):
    cx, top, bottom = w * 0.5, h * 0.3, h * 0.78
    draw.polygon(
        [(cx, top + 40), (w * 0.2, top), (w * 0.2, bottom - 40), (cx, bottom)], fill=accent
    )
    draw.polygon(
        [(cx, top + 40), (w * 0.8, top), (w * 0.8, bottom - 40), (cx, bottom)], fill=accent
    )
    draw.polygon(
        [(cx, h * 0.05), (w * 0.62, h * 0.14), (cx, h * 0.23), (w * 0.38, h * 0.14)], fill=accent
    )


def _support(draw, w, h, accent):
    for x, scale in ((0.38, 1.0), (0.62, 0.9)):
        cx, head = w * x, h * 0.11 * scale
        draw.ellipse([cx - head, h * 0.22, cx + head, h * 0.22 + 2 * head], fill=accent)
        draw.rounded_rectangle(
            [cx - head * 1.6, h * 0.5, cx + head * 1.6, h * 0.85], radius=head, fill=accent
        )
    draw.line([w * 0.44, h * 0.62, w * 0.56, h * 0.62], fill=accent, width=24)


def _law(draw, w, h, accent):
    cx = w * 0.5
    draw.line([cx, h * 0.15, cx, h * 0.8], fill=accent, width=16)
    draw.line([w * 0.28, h * 0.25, w * 0.72, h * 0.25], fill=accent, width=14)
    draw.rectangle([w * 0.4, h * 0.8, w * 0.6, h * 0.86], fill=accent)
    for x in (0.28, 0.72):
        draw.line([w * x, h * 0.25, w * x - 70, h * 0.55], fill=accent, width=6)
        draw.line([w * x, h * 0.25, w * x + 70, h * 0.55], fill=accent, width=6)
        draw.chord([w * x - 110, h * 0.45, w * x + 110, h * 0.65], 0, 180, fill=accent)


def _disguised(draw, w, h, accent):
    # A cup of milk tea and a sweet, under a warning sign.
    draw.polygon(
        [(w * 0.12, h * 0.35), (w * 0.3, h * 0.35), (w * 0.27, h * 0.85), (w * 0.15, h * 0.85)],
        fill=accent,
    )
    draw.line([w * 0.23, h * 0.35, w * 0.27, h * 0.15], fill=accent, width=16)
    cx, cy, r = w * 0.45, h * 0.62, h * 0.11
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=accent)
    draw.polygon(
        [(cx - r, cy), (cx - r * 2.2, cy - r * 0.8), (cx - r * 2.2, cy + r * 0.8)], fill=accent
    )
    draw.polygon(
        [(cx + r, cy), (cx + r * 2.2, cy - r * 0.8), (cx + r * 2.2, cy + r * 0.8)], fill=accent
    )
    top, side = h * 0.15, h * 0.62
    left = w * 0.62
    draw.polygon(
        [(left + side / 2, top), (left + side, top + side * 0.87), (left, top + side * 0.87)],
        outline=accent,
        width=22,
    )
    draw.rounded_rectangle(
        [left + side / 2 - 14, top + side * 0.3, left + side / 2 + 14, top + side * 0.62],
        radius=10,
        fill=accent,
    )
    draw.ellipse(
        [left + side / 2 - 18, top + side * 0.68, left + side / 2 + 18, top + side * 0.68 + 36],
        fill=accent,
    )


MOTIFS = {
    "community": _community,
    "campaign": _june_26,
    "caravan": _caravan,
    "school": _school,
    "support": _support,
    "law": _law,
    "disguised": _disguised,
}


def ensure_image(key):
    alt, background, accent = IMAGES[key]
    title = f"demo-{key}"
    existing = JinduImage.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    _picture(background, accent, motif=key).save(buffer, "PNG")
    return JinduImage.objects.create(
        title=title,
        description=alt,
        credit="Jindu demo",
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png"),
    )


def ensure_document(title, pdf, collection=None):
    """A PDF document called ``title``, made from ``pdf`` (bytes) once."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    if collection is not None:
        document.collection = collection
    # Digits only: a file name is no word in either language.
    name = int(hashlib.sha1(title.encode()).hexdigest(), 16) % 10**10  # noqa: S324 - a name
    document.file.save(f"{name}.pdf", ContentFile(pdf), save=False)
    document.save()
    return document
