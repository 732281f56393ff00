from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image


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


class JinduRendition(AbstractRendition):
    image = models.ForeignKey(JinduImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
