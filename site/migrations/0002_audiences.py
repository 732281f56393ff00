from django.db import migrations

AUDIENCES = [
    "primary",
    "junior",
    "senior",
    "university",
    "parents",
    "teachers",
    "residents",
    "employees",
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("jindu", "Audience")
    for order, code in enumerate(AUDIENCES):
        Audience.objects.update_or_create(code=code, defaults={"sort_order": order})


def create_locales(apps, schema_editor):
    from django.conf import settings

    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("jindu", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_audiences, migrations.RunPython.noop),
        migrations.RunPython(create_locales, migrations.RunPython.noop),
    ]
