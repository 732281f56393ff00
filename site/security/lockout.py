"""The login lockout: django-axes in front of Django's own authentication."""

from django.contrib.auth.backends import ModelBackend

from axes.backends import AxesStandaloneBackend


class LockoutModelBackend(AxesStandaloneBackend, ModelBackend):
    """Django's ModelBackend behind django-axes' lockout check, as one backend: a locked-out
    account is refused even with the right password, and tools that take the first backend
    (Wagtail's test helpers, force_login) still find get_user."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        return ModelBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )
