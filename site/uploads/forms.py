from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

import filetype

from jindu.uploads.image_files import check_pixels

# What each allowed extension's content must be, as the filetype library reads it (office
# files are zip archives; it recognises most of them by their parts, not all).
CONTENT_FOR_EXTENSION = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
}
TEXT_EXTENSIONS = {"csv", "txt"}
EXECUTABLE_KINDS = {"exe", "elf", "dll", "swf", "wasm", "crx", "deb", "rpm", "cab"}
SNIFF_BYTES = 65536


def content_problem(upload):
    """Why ``upload``'s content does not match its extension (or is a program), or None."""
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    found = kind.extension if kind else None
    if found in EXECUTABLE_KINDS or head.startswith((b"MZ", b"\x7fELF", b"#!")):
        return _("This file is a program, not a document, and cannot be uploaded.")
    if extension in TEXT_EXTENSIONS:
        if found is not None or b"\x00" in head:
            return _("This file is not plain text although its name ends in .%(ext)s.") % {
                "ext": extension
            }
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
            except UnicodeDecodeError as error:
                # A character cut at the end of the sample is not a problem.
                if error.start >= len(head) - 4:
                    return None
                continue
            return None
        return _("This text file is neither UTF-8 nor GB18030.")
    expected = CONTENT_FOR_EXTENSION.get(extension)
    if expected is not None and found not in expected:
        return _("The content of this file is not a .%(ext)s document.") % {"ext": extension}
    return None


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with a size limit (WAGTAILDOCS_MAX_UPLOAD_SIZE), and content
    that must match the file's extension: a program renamed .pdf is refused."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        if upload is not None and getattr(upload, "size", 0) > limit:
            raise ValidationError(
                _("This file is too big (%(size)s). The largest file allowed is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        if upload is not None and hasattr(upload, "read"):
            problem = content_problem(upload)
            if problem:
                raise ValidationError(problem, code="content")
        return upload


class SafeImageField(WagtailImageField):
    """Wagtail's image field, refusing decompression bombs and oversize images with a form
    error before anything decodes them (Pillow would raise and the upload be a 500)."""

    def to_python(self, data):
        if data is not None and hasattr(data, "seek"):
            check_pixels(data)
        return super().to_python(data)


class ImageForm(BaseImageForm):
    """Wagtail's image form with SafeImageField (WAGTAILIMAGES_IMAGE_FORM_BASE), made for
    each form as Wagtail makes its own, so the size limits are read when it is used."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            safe = SafeImageField(label=field.label, required=field.required)
            safe.widget.attrs.update(field.widget.attrs)
            self.fields["file"] = safe
