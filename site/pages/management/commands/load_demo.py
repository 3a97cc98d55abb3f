import logging
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from auditlog.context import disable_auditlog

from pages.demo import Demo, load_accounts, load_settings
from villages.demo import link_showroom_products

# Each app's demo module adds its content; later steps use pages made by earlier ones.
STEPS = [
    "pages.demo",
    "villages.demo",
    "tours.demo",
    "catalogue.demo",
    "tours.demo_experiences",  # after the catalogue: its producers sell the tickets
    "plan.demo",
    "search.demo",
    "staff.demo",
]


class Command(BaseCommand):
    help = "Build the sample site (marked as sample content). Running it again adds nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Make this many products in all, with villages, producers and tours in proportion.",
        )

    def handle(self, *args, scale, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        demo = Demo(stdout=self.stdout, scale=scale)
        # Wagtail logs every publish; the demo publishes hundreds of pages.
        wagtail_log = logging.getLogger("wagtail")
        level, wagtail_log.level = wagtail_log.level, logging.WARNING
        try:
            # The demo's thousands of new rows are nobody's change: keep them out of the audit log.
            with disable_auditlog():
                for step in STEPS:
                    with transaction.atomic():
                        import_module(step).load(demo)
                link_showroom_products(demo)
        finally:
            wagtail_log.setLevel(level)
        load_settings(demo)
        load_accounts(demo)
        refresh_statistics()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))


def refresh_statistics():
    """On PostgreSQL, ANALYZE the tables just filled: planned on the statistics of empty tables,
    the first visitors' queries scan thousands of rows (a home page took 73 ms for one query)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
