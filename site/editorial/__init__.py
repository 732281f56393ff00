"""Editorial work: translation through wagtail-localize (localization, sync), the review rule
for translations, and the editorial groups and workflow (roles)."""
