"""Read-only content API (Wagtail API v2) for apps and mini-programs. Search goes through
the same Chinese-aware backend as the site search."""

from django.db.models import Case, IntegerField, When

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection

from jindu.security.query_values import chosen_id


class RankedSearchFilter(SearchFilter):
    """``?search=`` understood and ranked as the site search ranks pages (jindu.search.ranking):
    questions, traditional characters, street names, pinyin and typos find the same pages,
    best first."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if "tags" in request.GET:
            raise BadRequestError("filtering by tag with a search query is not supported")
        if "order" in request.GET:
            raise BadRequestError("ordering with a search query is not supported")
        from jindu.search.query import understand
        from jindu.search.ranking import ranked_pages

        hits = ranked_pages(understand(request.GET["search"]), queryset)
        ids = [hit.page.pk for hit in hits]
        best_first = Case(
            *[When(pk=pk, then=rank) for rank, pk in enumerate(ids)], output_field=IntegerField()
        )
        return queryset.filter(pk__in=ids).order_by(best_first) if ids else queryset.none()


class CheckedPagination(WagtailPagination):
    """An offset of forty digits is a clear 400, not a database overflow."""

    def paginate_queryset(self, queryset, request, view=None):
        if chosen_id(request.GET.get("offset", "0")) is None:
            raise BadRequestError("offset must be a positive integer")
        return super().paginate_queryset(queryset, request, view)


class CheckedLookups:
    """``/find/?id=`` with something not a number is a 404, as a missing page is."""

    pagination_class = CheckedPagination

    def find_object(self, queryset, request):
        if "id" in request.GET and chosen_id(request.GET["id"]) is None:
            return None
        return super().find_object(queryset, request)


class PublicImagesAPIViewSet(CheckedLookups, ImagesAPIViewSet):
    pass


class PublicPagesAPIViewSet(CheckedLookups, PagesAPIViewSet):
    """Live, public pages only (Wagtail's own viewset does that too); kept as our class so
    the exposed fields and the search are decided here."""

    filter_backends = [
        RankedSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


class PublicDocumentsAPIViewSet(CheckedLookups, DocumentsAPIViewSet):
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
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
