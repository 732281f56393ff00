from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from jindu.demo.bulk import saved_in_bulk


class Command(BaseCommand):
    help = (
        "Load demo content. Each app keeps its own in a `demo` module with a `load(command)` "
        "function; they run in INSTALLED_APPS order, which is dependency order. Running it "
        "again changes nothing and duplicates nothing."
    )

    def handle(self, *args, **options):
        # Each page is indexed, its references recorded and the site retired once, at the
        # end, rather than on each of its several saves (jindu.demo.bulk).
        with saved_in_bulk():
            for app_config in apps.get_app_configs():
                if not module_has_submodule(app_config.module, "demo"):
                    continue
                module = import_module(f"{app_config.name}.demo")
                with transaction.atomic():
                    module.load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
