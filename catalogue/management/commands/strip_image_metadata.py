"""Rewrite images stored before uploads were cleaned, without their EXIF, XMP or IPTC."""

import os

from django.core.management.base import BaseCommand
from django.db import transaction

from oscar.core.loading import get_model
from wagtail.images import get_image_model

from catalogue.photos import without_metadata


class Command(BaseCommand):
    help = (
        "Strip EXIF (GPS position, camera), XMP and IPTC from Wagtail's images and the shop's "
        "product images stored before uploads were cleaned. Pixels, size and orientation are "
        "kept, so focal points and crops still fit; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the images to clean, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        for model, field_name in (
            (get_image_model(), "file"),
            (get_model("catalogue", "ProductImage"), "original"),
        ):
            total = model.objects.count()
            cleaned = 0
            for number, row in enumerate(model.objects.order_by("pk").iterator(), start=1):
                if self.clean(row, field_name, dry_run):
                    cleaned += 1
                if number % 100 == 0:
                    self.stdout.write(f"{model._meta.verbose_name_plural}: {number}/{total}")
            verb = "to clean" if dry_run else "cleaned"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{model._meta.verbose_name_plural}: {cleaned} of {total} {verb}."
                )
            )

    def clean(self, row, field_name, dry_run):
        fieldfile = getattr(row, field_name)
        if not fieldfile or not fieldfile.storage.exists(fieldfile.name):
            return False
        with fieldfile.storage.open(fieldfile.name, "rb") as stored:
            copy = without_metadata(stored, turn_upright=False)
        if copy is None or dry_run:
            return copy is not None
        old_name = fieldfile.name
        # The same name where the storage allows it, so addresses already handed out still work
        # (a phone's MPO or HEIC is a JPEG now, and is named so).
        stem, extension = os.path.splitext(old_name)
        kept_extension = os.path.splitext(copy.name)[1]
        if extension.lower() not in {kept_extension, ".jpeg" if kept_extension == ".jpg" else ""}:
            extension = kept_extension
        fieldfile.storage.delete(old_name)
        new_name = fieldfile.storage.save(stem + extension, copy)
        changes = {field_name: new_name}
        if hasattr(row, "file_hash"):  # Wagtail's image: its size and hash follow the file
            setattr(row, field_name, new_name)
            row._set_file_hash()
            changes.update(file_size=copy.size, file_hash=row.file_hash)
        with transaction.atomic():
            type(row).objects.filter(pk=row.pk).update(**changes)
        return True
