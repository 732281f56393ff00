from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with a size limit (WAGTAILDOCS_MAX_UPLOAD_SIZE)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        if upload is not None and getattr(upload, "size", 0) > limit:
            raise ValidationError(
                _("This file is too big (%(size)s). The largest file allowed is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload
