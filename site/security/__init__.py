"""Security: the Content-Security-Policy, the login lockout, request hygiene."""
