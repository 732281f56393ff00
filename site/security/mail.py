"""Mail in production: password-reset emails carry a link that signs its holder in, so they
must leave by SMTP, not land in a log (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

LEAKING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "prints every email to the server log",
    "django.core.mail.backends.dummy.EmailBackend": "sends nothing",
}


@checks.register(checks.Tags.security, deploy=True)
def check_email_backend(app_configs=None, **kwargs):
    """Password-reset emails carry a link that signs its holder in: they must leave by mail,
    not land in a log."""
    problem = LEAKING_EMAIL_BACKENDS.get(settings.EMAIL_BACKEND)
    if problem is None:
        return []
    return [
        checks.Error(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which {problem}: password-reset "
            "links would be readable by anyone who reads the log, or never arrive.",
            hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, "
            "EMAIL_USE_TLS) for SMTP, as docs/deploy.md says.",
            id="jindu.E002",
        )
    ]
