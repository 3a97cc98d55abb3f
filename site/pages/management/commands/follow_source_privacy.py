"""Give translations the privacy of their source page, for pages made private before
translations followed (pages/translations.py); running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page, PageViewRestriction

from pages.translations import follow_privacy, followers


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        page_ids = PageViewRestriction.objects.values_list("page_id", flat=True).distinct()
        followed = 0
        for page in Page.objects.filter(pk__in=page_ids).order_by("path").iterator():
            translations = followers(page)
            if not translations:
                continue
            with transaction.atomic():
                follow_privacy(page)
            followed += len(translations)
            self.stdout.write(f"{page.title} (#{page.pk}): {len(translations)} translations")
        self.stdout.write(self.style.SUCCESS(f"{followed} translations follow their source page."))
