import io

from django.core.files.base import ContentFile
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import UploadedFile
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

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        if "file" in field_names:
            image.stored_file_name = image.file.name
        return image

    def save(self, *args, **kwargs):
        # A new file, however it came (the admin, Wagtail's multiple uploader, an import,
        # the demo): keep its pixels only.
        replaced = None
        if self.file and self.has_new_file() and not getattr(self, "_metadata_stripped", False):
            # The multiple uploader writes the file to storage before saving the image: that
            # copy, with the metadata, goes once the clean one is saved.
            stored = self.file.name if self.file.storage.exists(self.file.name) else None
            if self.strip_metadata():
                replaced = stored
        result = super().save(*args, **kwargs)
        if replaced and replaced != self.file.name:
            self.file.storage.delete(replaced)
        self.stored_file_name = self.file.name
        return result

    def has_new_file(self):
        """Whether the file differs from the one this image was loaded with (a new image, a
        file replaced in the edit form)."""
        return self.pk is None or self.file.name != getattr(self, "stored_file_name", None)

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


@receiver(pre_save, sender=UploadedFile)
def strip_pending_upload(sender, instance, **kwargs):
    """Wagtail's multiple uploader keeps a file in wagtail_uploads/ (a public folder) until
    its alt text is filled in: that copy has no location either."""
    if instance.pk is None and instance.file:
        instance.file.open()
        instance.file.seek(0)
        cleaned = without_metadata(instance.file.read())
        instance.file.seek(0)
        if cleaned is not None:
            instance.file = ContentFile(cleaned, name=instance.file.name.rsplit("/", 1)[-1])


class JinduRendition(AbstractRendition):
    image = models.ForeignKey(JinduImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
