import io

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.utils.file import hash_filelike

from jindu.uploads.image_files import without_metadata


class JinduImage(AbstractImage):
    """Wagtail's image with alt text required: readers use screen readers too, and an
    image without a description is a hole in the page for them."""

    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it. Required."),
    )
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source.")
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_jinduimage", "Can choose image")]

    def save(self, *args, **kwargs):
        # A new file (the admin, multiple upload, an import, the demo): keep its pixels only.
        if self.file and self.has_new_file() and not getattr(self, "_metadata_stripped", False):
            self.strip_metadata()
        return super().save(*args, **kwargs)

    def has_new_file(self):
        """Whether the file is on its way in (an upload, a file replaced): not yet in storage
        under its name. One already stored is cleaned by ``strip_image_metadata``."""
        return not self.file.storage.exists(self.file.name)

    def strip_metadata(self):
        """Replace the file with its pixels, orientation applied, no EXIF (GPS), XMP or
        comments (jindu.uploads.image_files). Returns whether the file changed."""
        self.file.open()
        self.file.seek(0)
        data = self.file.read()
        cleaned = without_metadata(data)
        if cleaned is None or cleaned == data:
            self.file.seek(0)
            return False
        name = self.file.name.rsplit("/", 1)[-1]
        self.file = ContentFile(cleaned, name=name)
        self._metadata_stripped = True
        self.file_size = len(cleaned)
        self.file_hash = hash_filelike(io.BytesIO(cleaned))
        return True


class JinduRendition(AbstractRendition):
    image = models.ForeignKey(JinduImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
