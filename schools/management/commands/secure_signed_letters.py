"""manage.py secure_signed_letters: after an upgrade, put every station's signed letters in
its own collection and the public site's media in *Site media* (schools.letters). Running it
again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from jindu.editorial.roles import ensure_site_media
from schools.letters import ensure_all_station_letters


class Command(BaseCommand):
    help = "Give each work station its own collection of signed letters."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_site_media()
        ensure_all_station_letters()
        self.stdout.write("Signed letters are kept per station.")
