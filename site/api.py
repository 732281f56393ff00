"""Read-only content API (Wagtail API v2) for apps and mini-programs. Search goes through
the same Chinese-aware backend as the site search."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages only (Wagtail's own viewset does that too); kept as our class so
    the exposed fields are decided here."""


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents outside any collection with view restrictions: signed agreements and other
    private files live in restricted collections and never appear here."""

    def get_queryset(self):
        restricted_paths = [
            collection.path
            for collection in Collection.objects.filter(view_restrictions__isnull=False)
        ]
        queryset = super().get_queryset()
        for path in restricted_paths:
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
