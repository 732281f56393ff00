"""The login lockout: django-axes in front of Django's own authentication; and password
reset emails, limited."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpResponseRedirect

from wagtail.admin.views.account import PasswordResetView

from axes.backends import AxesStandaloneBackend
from django_ratelimit.core import is_ratelimited


class LockoutModelBackend(AxesStandaloneBackend, ModelBackend):
    """Django's ModelBackend behind django-axes' lockout check, as one backend: a locked-out
    account is refused even with the right password, and tools that take the first backend
    (Wagtail's test helpers, force_login) still find get_user."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        return ModelBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, sending at most PASSWORD_RESET_RATE emails per address
    asked for and per visitor. Past that the page answers exactly as when an email was sent,
    so the limit tells nobody which addresses have accounts, and nobody can fill a
    colleague's inbox with reset links."""

    def form_valid(self, form):
        email = form.cleaned_data.get("email", "").strip().lower()
        limits = [("password-reset-email", lambda group, request: email), ("password-reset", "ip")]
        if any(
            is_ratelimited(
                self.request,
                group=group,
                key=key,
                rate=settings.PASSWORD_RESET_RATE,
                method="POST",
                increment=True,
            )
            for group, key in limits
        ):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
