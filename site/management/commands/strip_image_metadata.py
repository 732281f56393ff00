"""manage.py strip_image_metadata: remove location and other personal metadata (EXIF, XMP,
comments) from every stored image, orientation applied, and drop its renditions so they are
made again from the clean original. New uploads are cleaned as they are saved
(jindu.models.images); run this once after upgrading. Running it again changes nothing."""

from django.core.management.base import BaseCommand

from jindu.models import JinduImage


class Command(BaseCommand):
    help = "Strip GPS positions and other metadata from the stored images."

    def handle(self, *args, **options):
        changed = 0
        for image in JinduImage.objects.all().iterator():
            old_name = image.file.name
            if image.strip_metadata():
                storage = image.file.storage
                image.renditions.all().delete()
                image.save()
                if old_name and old_name != image.file.name:
                    storage.delete(old_name)
                changed += 1
        if options["verbosity"]:
            self.stdout.write(f"{changed} images cleaned.")
