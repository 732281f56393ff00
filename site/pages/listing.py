from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

DEFAULT_PER_PAGE = 12


def paginate(request, items, per_page=DEFAULT_PER_PAGE, count=None):
    """The requested page of ``items``; a missing, malformed or too-large page number gives
    the first or last page rather than an error. ``count``, when the caller knows it, saves
    counting the items."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
