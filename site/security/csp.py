"""The Content-Security-Policy. Public pages get a strict one (no inline script);
the Wagtail admin, which relies on inline scripts and styles, gets a looser one that only
applies under /admin/ (see README, "Security")."""

from django.conf import settings

from csp.constants import HEADER
from csp.middleware import CSPMiddleware


class SiteCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # A page from the page cache carries the policy it was stored with; building it again
        # would be most of the cost of serving it. (No nonces are used, so it is the same.)
        if HEADER in response:
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        elif getattr(request, "is_dummy", False):
            # A preview: Wagtail renders the page through the middleware with the page's
            # own path, and the admin shows it in a frame (its live preview panel). The
            # page's policy, framed by our own origin only.
            parts.config = {
                **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
                "frame-ancestors": ["'self'"],
            }
        return parts
