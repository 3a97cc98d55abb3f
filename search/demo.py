"""Search's part of `load_demo`: a few synonyms, then the index built from everything loaded before."""

from pages.demo import read_demo_data

from .indexing import rebuild
from .models import Synonym

# Each entry: words that mean the same, in any of the site's languages, separated by commas.
SYNONYMS = read_demo_data("search", "synonyms")


def load(demo):
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
    done = rebuild()
    demo.say("Search index: " + ", ".join(f"{name} {count}" for name, count in done.items()))
