"""Request hygiene in front of every view."""

from django.http import HttpResponseBadRequest, QueryDict

from jindu.pages.text import has_controls, without_controls


class StripControlCharactersMiddleware:
    """Query strings and form fields lose their control characters (NUL above all) before
    any view, form or query sees them, on both databases; a path that holds one is refused
    (400), since no page has such an address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_controls(request.path_info):
            return HttpResponseBadRequest("Bad request")
        for name in ("GET", "POST"):
            data = getattr(request, name)
            if any(
                has_controls(key) or any(map(has_controls, values)) for key, values in data.lists()
            ):
                cleaned = QueryDict(mutable=True, encoding=data.encoding)
                for key, values in data.lists():
                    cleaned.setlist(without_controls(key), [without_controls(v) for v in values])
                setattr(request, name, cleaned)
        return self.get_response(request)
