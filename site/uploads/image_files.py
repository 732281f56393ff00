"""What an uploaded image may carry: its pixels, orientation applied, and its colour
profile — nothing else. EXIF (the GPS position where a photo of pupils was taken, the
camera's owner), XMP and comments are dropped from the original, and so from every
rendition made from it. Images too large to open safely are refused before Pillow decodes
them."""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from PIL import Image, ImageOps

GPS_IFD = 0x8825
# What Pillow keeps in ``info`` that is not metadata about a person or place.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background")


def check_pixels(file):
    """Refuse decompression bombs (a 47 KB PNG of 20,000 × 20,000 pixels) and images over
    WAGTAILIMAGES_MAX_IMAGE_PIXELS, reading only the header."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    message = _("This image is too large: at most %(million)s million pixels are allowed.") % {
        "million": limit // 1_000_000
    }
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(message, code="too_many_pixels") from error
    except (OSError, ValueError, SyntaxError):
        return  # not an image Pillow knows: Wagtail's own check says so
    finally:
        file.seek(position)
    if width * height > limit:
        raise ValidationError(message, code="too_many_pixels")


def without_metadata(data):
    """``data`` (the bytes of an image) saved again in its own format with its orientation
    applied and no metadata. Returns None if Pillow cannot read it."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    image_format = image.format
    options = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    frames = getattr(image, "n_frames", 1)
    if frames > 1:
        # Animated GIF or WebP: every frame, none of the metadata.
        options["save_all"] = True
    else:
        image = ImageOps.exif_transpose(image)
    if image_format == "JPEG":
        options.update(quality=92, optimize=True)
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format=image_format, **options)
    return out.getvalue()


def has_location(data):
    """Whether an image's bytes carry a GPS position (for tests and the clean-up command)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
    except (OSError, ValueError, SyntaxError):
        return False
    return bool(exif.get_ifd(GPS_IFD))
