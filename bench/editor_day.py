"""An editor's working day, replayed: visitors keep coming while pages are published and prices change.

Run by `make bench-editor-day` (bench/run.py `--editor-day`) against gunicorn with the page cache on
and a task worker (`manage.py db_worker`, as in production), in the bench database. Every minute:

- an editor publishes a village page with a new title, marked `(#NN)`;
- a producer changes the price of one product of the visitors' mix to a price no product had
  (1.0NN.0NN ₫ and so on);

and between the changes visitors request pages of a fixed mix (seeded, so two runs see the same
requests): the home pages, village, tour and product pages, the shop's first listing pages and a
few searches, `--rate` a second. Each answer is recorded as served from the page cache or not
(`X-Page-Cache: hit`) and checked for stale content: after a change has committed, no page may show
a title or a price it replaced. Search results are checked apart: the index is updated by a task,
so a result may lag until the worker has run it; those are counted, not hidden.

Prints the share of requests served from the cache, per kind of page, and every stale answer.
"""

import argparse
import collections
import http.client
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django():
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()


def visitors_mix(rng):
    """[(kind, path)]: what visitors ask for, each kind about as often as the weights say."""
    from catalogue.models import Product
    from tours.models import TourPage
    from villages.models import VillagePage

    def live(model, language, count):
        pages = model.objects.live().public().filter(locale__language_code=language).order_by("pk")
        return [page.url for page in pages[:count]]

    products = list(
        Product.objects.browsable().filter(stockrecords__isnull=False).order_by("pk")[:3000]
    )
    products = rng.sample(products, min(300, len(products)))
    weighted = [
        ("home", ["/", "/en/", "/zh-hans/"], 12),
        ("village", live(VillagePage, "vi", 20) + live(VillagePage, "en", 10), 15),
        ("tour", live(TourPage, "vi", 10) + live(TourPage, "en", 5), 10),
        ("product list", ["/catalogue/", "/catalogue/?page=2", "/en/catalogue/"], 10),
        ("product", [product.get_absolute_url() for product in products], 43),
        ("search", ["/search/?q=ao+cham", "/search/?q=dau+hoi", "/en/search/?q=tea"], 10),
    ]
    mix = []
    for kind, paths, weight in weighted:
        paths = [path for path in paths if path]
        mix += [(kind, path) for path in paths] * max(1, round(weight * 10 / len(paths)))
    return mix, products


class Visitor:
    """One keep-alive connection to the server, as a browser tab without cookies."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.connection = None

    def get(self, path):
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request("GET", path, headers={"Host": self.host})
                response = self.connection.getresponse()
                return response.status, response.getheader("X-Page-Cache"), response.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        raise AssertionError("unreachable")


def price_texts(price):
    """A price as the pages write it: `1.010.007` (Vietnamese) and `1,010,007`."""
    whole = f"{int(price):,}"
    return [whole.replace(",", "."), whole]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=10, help="Changes made, one pair a minute.")
    parser.add_argument(
        "--minute-seconds", type=float, default=60, help="How long a minute lasts (60: real time)."
    )
    parser.add_argument("--rate", type=float, default=10, help="Visitors' requests per second.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8077)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    setup_django()

    from django.db import transaction

    from villages.models import VillagePage

    rng = random.Random(options.seed)
    mix, products = visitors_mix(rng)
    village = (
        VillagePage.objects.live()
        .public()
        .filter(locale__language_code="vi")
        .order_by("pk")
        .first()
    )
    original_title = village.title
    changed_products = products[:3]
    original_prices = {product.pk: product.stockrecords.first().price for product in products[:3]}
    visitor = Visitor(options.host, options.port)

    print(f"{len(set(mix))} addresses in the mix; warming each once", flush=True)
    for _kind, path in sorted(set(mix)):
        visitor.get(path)

    superseded = []  # texts no page may show once their change has committed
    current = []  # the texts of the latest changes: shown, they prove the check looks at them
    showing = 0
    served = collections.Counter()
    kept = collections.Counter()
    stale, lagging = [], []
    started = time.monotonic()
    try:
        for minute in range(options.minutes):
            # The editor publishes the village with a new title.
            title = f"{original_title} (#{minute:02d})"
            with transaction.atomic():
                page = VillagePage.objects.get(pk=village.pk)
                if page.title != original_title:
                    superseded.append(page.title)
                page.title = title
                page.save_revision().publish()
            # A producer changes a price (one of three products in turn).
            product = changed_products[minute % len(changed_products)]
            with transaction.atomic():
                record = product.stockrecords.select_for_update().first()
                if record.price != original_prices[product.pk]:
                    superseded += price_texts(record.price)
                record.price = 1_000_000 + (minute + 1) * 10_007
                record.save()
            current = [title, *price_texts(record.price)]
            ends = started + (minute + 1) * options.minute_seconds
            interval = 1 / options.rate
            next_at = time.monotonic()
            while time.monotonic() < ends:
                kind, path = rng.choice(mix)
                status, cache, body = visitor.get(path)
                served[kind] += 1
                kept[kind] += cache == "hit"
                text = body.decode(errors="replace")
                shown = [old for old in superseded if old in text]
                showing += any(new in text for new in current)
                if shown and status == 200:
                    (lagging if kind == "search" else stale).append((minute, path, cache, shown))
                next_at += interval
                time.sleep(max(0.0, next_at - time.monotonic()))
            print(
                f"minute {minute + 1}: {sum(kept.values())} of {sum(served.values())} "
                "served from the cache so far",
                flush=True,
            )
    finally:
        with transaction.atomic():
            page = VillagePage.objects.get(pk=village.pk)
            page.title = original_title
            page.save_revision().publish()
            for product in changed_products:
                record = product.stockrecords.first()
                record.price = original_prices[product.pk]
                record.save()

    total, hits = sum(served.values()), sum(kept.values())
    print()
    print(
        f"{options.minutes} minutes of {options.minute_seconds:g} s, {options.rate:g} requests/s: "
        f"a publish and a price change a minute"
    )
    print("| page | requests | served from the cache |")
    print("| --- | ---: | ---: |")
    for kind in sorted(served):
        print(f"| {kind} | {served[kind]} | {100 * kept[kind] / served[kind]:.1f} % |")
    print(f"| all | {total} | {100 * hits / total:.1f} % |")
    print(f"answers showing the latest title or price: {showing}")
    print(f"stale pages served after their change committed: {len(stale)}")
    for minute, path, cache, shown in stale[:20]:
        print(f"  minute {minute + 1}: {path} ({cache or 'made afresh'}) still shows {shown}")
    print(f"search results still showing a replaced text (index task pending): {len(lagging)}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
