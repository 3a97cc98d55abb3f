"""Time the search page and autocomplete, then measure the recall of one-typo queries.

Timings: each query or prefix below, requested `--rounds` times in-process, one at a time.

Recall: for each language, the titles of that language's product and village entries in the
index, taken in a fixed order (kind, then object id) and sampled evenly, `--recall-sample` of
them. In Vietnamese and English a title is used only if it has a word of five letters or more;
the query is the title folded as a phone keyboard without accents types it (words only, no
punctuation), with one edit in one such word: the i-th name has its (i mod n)-th long word
edited, by substitution, deletion, insertion or transposition in turn (i mod 4), at the word's
middle letter; a substituted or inserted letter is that key's right-hand neighbour on a QWERTY
keyboard. In Chinese a typo is not meaningful (Han characters are chosen from a list, not typed
letter by letter): the query is the Chinese title itself, so the figure is exact-name recall.
Each query is run on that language's search page; it counts as found when the item it was made
from is among the first ten results.
"""

import re
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from search.models import SearchEntry
from search.text import fold, is_cjk

QUERIES = ["ao cham", "dau hoi", "dong dang", "huong", "八角", "tinh dau hoi van quan", "tho cam"]
PREFIXES = ["a", "ao", "ao c", "d", "da", "dau h", "h", "hu", "huong", "th", "八"]
RECALL_KINDS = ("product", "village")
TOP = 10
LONG_WORD = 5
EDITS = ("substitution", "deletion", "insertion", "transposition")
KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
WORD = re.compile(r"\w+")


def neighbour(letter):
    """The key to the right of `letter` on a QWERTY keyboard (to its left at a row's end)."""
    for row in KEY_ROWS:
        index = row.find(letter)
        if index != -1:
            return row[index + 1] if index + 1 < len(row) else row[index - 1]
    return "e"


def one_typo(word, edit):
    """`word` with one edit at its middle letter."""
    middle = len(word) // 2
    letter = word[middle]
    if edit == "substitution":
        return word[:middle] + neighbour(letter) + word[middle + 1 :]
    if edit == "deletion":
        return word[:middle] + word[middle + 1 :]
    if edit == "insertion":
        return word[: middle + 1] + neighbour(letter) + word[middle + 1 :]
    return word[:middle] + word[middle + 1] + letter + word[middle + 2 :]


def long_words(typed):
    return [
        word for word in typed if len(word) >= LONG_WORD and word.isalpha() and not is_cjk(word)
    ]


def typo_queries(entries, sample, chinese):
    """[(query, kind, object_id)] for one language's entries (see the module's docstring)."""
    usable = []
    for kind, object_id, title in entries:
        if chinese:
            if is_cjk(title):
                usable.append((title, kind, object_id))
            continue
        typed = WORD.findall(fold(title))
        if long_words(typed):
            usable.append((typed, kind, object_id))
    if len(usable) > sample:
        step = len(usable) / sample
        usable = [usable[int(index * step)] for index in range(sample)]
    if chinese:
        return usable
    queries = []
    for index, (typed, kind, object_id) in enumerate(usable):
        candidates = long_words(typed)
        chosen = candidates[index % len(candidates)]
        at = typed.index(chosen)
        edited = [*typed[:at], one_typo(chosen, EDITS[index % len(EDITS)]), *typed[at + 1 :]]
        queries.append((" ".join(edited), kind, object_id))
    return queries


def entries_of(language):
    rows = SearchEntry.objects.filter(language=language, kind__in=RECALL_KINDS).values_list(
        "kind", "object_id", "title"
    )
    return sorted(rows, key=lambda row: (row[0], int(row[1]) if row[1].isdigit() else 0, row[1]))


class Command(BaseCommand):
    help = (
        "Time the search page and autocomplete over HTTP (in-process) and report p50 and p95; "
        "then the share of one-typo queries (exact names in Chinese) whose item is in the first "
        "ten results, per language."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5, help="Times each request is repeated.")
        parser.add_argument(
            "--recall-sample",
            type=int,
            default=100,
            help="Names sampled per language for the recall of one-typo queries (0: skip it).",
        )
        parser.add_argument(
            "--show-missed", action="store_true", help="List the recall queries not found."
        )

    def handle(self, *args, rounds, recall_sample, show_missed, **options):
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
        if recall_sample > 0:
            self.recall(client, recall_sample, show_missed)

    def recall(self, client, sample, show_missed):
        self.stdout.write(
            f"recall: up to {sample} {' and '.join(RECALL_KINDS)} names per language, sampled "
            f"evenly by kind and id; one edit ({', '.join(EDITS)} in turn) at the middle letter "
            f"of one word of {LONG_WORD}+ letters, folded; Chinese: the exact Chinese name "
            f"(no typo); found = the item in the first {TOP} results"
        )
        for language, _name in settings.LANGUAGES:
            chinese = language.startswith("zh")
            queries = typo_queries(entries_of(language), sample, chinese)
            if not queries:
                self.stdout.write(f"  {language}: no usable names")
                continue
            with translation.override(language):
                path = reverse("search:search")
            found, missed, timings = 0, [], []
            for query, kind, object_id in queries:
                started = time.perf_counter()
                response = client.get(path, {"q": query})
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{path} q={query} answered {response.status_code}")
                results = (response.context_data or {}).get("results")
                hits = results.hits[:TOP] if results else []
                if any((hit.kind, hit.object_id) == (kind, object_id) for hit in hits):
                    found += 1
                else:
                    missed.append(query)
            what = "exact-name recall" if chinese else "one-typo recall"
            self.stdout.write(
                f"  {language} ({path}): {what} {100 * found / len(queries):.1f} % "
                f"({found}/{len(queries)}); {summary(timings)}"
            )
            if show_missed:
                for query in missed:
                    self.stdout.write(f"    missed: {query}")


def summary(timings):
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms over {len(ordered)} requests"
