from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaigns.public import calendars, feedback
from jindu.editorial.sync import ReviewedUpdateTranslationsView, reviewed_convert_to_alias
from jindu.pages import views as root_views
from jindu.pages.api import api_router
from jindu.pages.sitemaps import BilingualSitemap
from jindu.search import views as search_views
from jindu.security.lockout import ThrottledPasswordResetView
from schools.views import ScopedSiteHistoryView

handler500 = "jindu.pages.views.server_error"

urlpatterns = [
    # Wagtail's site history, scoped to the user's station (it answers at Wagtail's address).
    *[
        path(
            f"admin/reports/site-history/{suffix}",
            view,
            name=f"jindu_site_history{suffix and '_results'}",
        )
        for suffix, view in (
            ("", require_admin_access(ScopedSiteHistoryView.as_view())),
            ("results/", require_admin_access(ScopedSiteHistoryView.as_view(results_only=True))),
        )
    ],
    # wagtail-localize's sync of translations, with publishing kept for publishers.
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(ReviewedUpdateTranslationsView.as_view()),
        name="jindu_update_translations",
    ),
    # ... and its conversion of a translation into an alias, kept for publishers too.
    path(
        "admin/localize/page/<int:page_id>/convert_to_alias/",
        require_admin_access(reviewed_convert_to_alias),
        name="jindu_convert_to_alias",
    ),
    # Wagtail's password reset, limited per address asked for and per visitor.
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="jindu_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}, name="sitemap"),
    path("robots.txt", root_views.robots_txt, name="robots_txt"),
    *[path(name, root_views.root_icon, {"name": name}) for name in root_views.ROOT_ICONS],
    path("events.ics", calendars.public_feed, name="campaigns_public_feed"),
    path("calendars/<str:token>.ics", calendars.private_feed, name="campaigns_private_feed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # One server without a web server or S3 in front (`make serve`, the browser tests):
    # images only. Documents always go through Wagtail's view, which checks who may see
    # them (the signed agreements are private).
    from django.views.static import serve

    media = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(
            rf"^{media}/(?P<path>(?:original_images|images)/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Chinese (the default) has no prefix; English pages live under /en/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Feedback on an event, from the QR codes of its printed sheet (campaigns.public.feedback).
    path("feedback/<str:token>/", feedback.feedback_view, name="campaigns_feedback"),
    path(
        "feedback/<str:token>/before/",
        feedback.feedback_view,
        {"phase": "before"},
        name="campaigns_feedback_before",
    ),
    # Wagtail's public URLs: its pages, the password form of restricted pages.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
