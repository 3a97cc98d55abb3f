import sys
import time

from django.core.management.base import BaseCommand, CommandError

from pages.cache import forget_groups
from search.backends import SEARCH_ENGINE_ERRORS, engines
from search.indexing import SHOWING_RESULTS, all_items, count_objects


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every engine (the database's, and Elasticsearch's when "
        "ELASTICSEARCH_URL is set) from the live, public, orderable items. Searches keep "
        "answering from the old index until the new one is complete."
    )

    def handle(self, *args, **options):
        total = count_objects()
        self.stdout.write(f"{total} objects to index.")
        for engine in engines():
            self.stdout.write(f"Building the {engine.name} index…")
            started = time.monotonic()
            bar = ProgressBar(self.stdout, total)
            try:
                done = engine.rebuild(all_items(seen=bar.advance), total=total)
            except SEARCH_ENGINE_ERRORS as error:
                raise CommandError(
                    f"The {engine.name} index could not be built: {error}"
                ) from error
            bar.finish()
            seconds = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(f"{engine.name}: {done} entries indexed in {seconds:.1f} s.")
            )
        forget_groups(*SHOWING_RESULTS)


class ProgressBar:
    """A bar redrawn in place on a terminal; a line at every tenth of the way otherwise."""

    width = 40

    def __init__(self, stdout, total):
        self.stdout = stdout
        self.total = max(total, 1)
        self.done = 0
        self.interactive = sys.stdout.isatty()
        self.last_tenth = -1

    def advance(self):
        self.done += 1
        share = min(self.done / self.total, 1.0)
        if self.interactive:
            filled = int(share * self.width)
            bar = "#" * filled + "." * (self.width - filled)
            self.stdout.write(f"\r[{bar}] {self.done}/{self.total}", ending="")
            self.stdout.flush()
        elif int(share * 10) > self.last_tenth:
            self.last_tenth = int(share * 10)
            self.stdout.write(f"  {self.done}/{self.total} ({share:.0%})")

    def finish(self):
        if self.interactive:
            self.stdout.write("")
