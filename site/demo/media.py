"""Demo pictures and files, drawn with Pillow so that nothing is downloaded or committed."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model

from PIL import Image, ImageDraw

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
}


def _picture(background, accent, size=(1600, 900)):
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for step in range(0, height, 6):
        shade = tuple(min(255, c + step // 18) for c in background)
        draw.rectangle([0, step, width, step + 6], fill=shade)
    draw.ellipse([width * 0.55, height * 0.15, width * 0.9, height * 0.78], fill=accent)
    draw.rectangle([width * 0.08, height * 0.62, width * 0.5, height * 0.7], fill=accent)
    draw.rectangle([width * 0.08, height * 0.74, width * 0.38, height * 0.8], fill=accent)
    return picture


def ensure_image(key):
    alt, background, accent = IMAGES[key]
    title = f"demo-{key}"
    existing = JinduImage.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    _picture(background, accent).save(buffer, "PNG")
    return JinduImage.objects.create(
        title=title,
        description=alt,
        credit="Jindu demo",
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png"),
    )


def ensure_document(title, colour, collection=None):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    _picture(colour, (255, 255, 255), size=(1240, 1754)).save(buffer, "PDF", resolution=150)
    document = Document(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(
        f"{abs(hash(title)) % 10**8}.pdf", ContentFile(buffer.getvalue()), save=False
    )
    document.save()
    return document
