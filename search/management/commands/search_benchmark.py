import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.test import Client

QUERIES = ["ao cham", "dau hoi", "dong dang", "huong", "八角", "tinh dau hoi van quan", "tho cam"]
PREFIXES = ["a", "ao", "ao c", "d", "da", "dau h", "h", "hu", "huong", "th", "八"]


class Command(BaseCommand):
    help = "Time the search page and autocomplete over HTTP (in-process) and report p50 and p95."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5, help="Times each request is repeated.")

    def handle(self, *args, rounds, **options):
        if rounds < 1:
            raise CommandError("--rounds must be at least 1.")
        client = Client(HTTP_HOST="127.0.0.1")
        for label, path, values in (
            ("search", "/search/", [{"q": query} for query in QUERIES]),
            (
                "search with facets",
                "/search/",
                [{"q": query, "kind": "product"} for query in QUERIES],
            ),
            ("autocomplete", "/search/suggest/", [{"q": prefix} for prefix in PREFIXES]),
        ):
            timings = []
            for _round in range(rounds):
                for params in values:
                    started = time.perf_counter()
                    response = client.get(path, params)
                    timings.append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200:
                        raise CommandError(f"{path} {params} answered {response.status_code}")
            self.stdout.write(f"{label}: {summary(timings)}")


def summary(timings):
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms over {len(ordered)} requests"
