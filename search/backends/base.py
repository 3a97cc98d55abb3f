"""What every search backend is asked and answers with, and the helpers both engines share."""

import itertools
import math
from dataclasses import dataclass, field, fields
from datetime import datetime

from ..models import Synonym
from ..text import fold, normalise

SORTS = ("relevance", "price", "-price", "newest", "rating")
# Autocomplete takes turns between kinds in this order (any other kind comes after).
KIND_ORDER = ("product", "tour", "experience", "village")


@dataclass(frozen=True, kw_only=True)
class SearchQuery:
    """One search: its words, in one language, narrowed, sorted and cut into pages.

    `filters` maps a facet name to the values chosen (an entry matching any of them is found);
    facet names without values are dropped. `facet_names` are the facets to count.
    """

    text: str = field(default="", kw_only=False)
    language: str
    kind: str | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 24
    facet_names: tuple[str, ...] = ()

    def __post_init__(self):
        chosen = {name: list(values) for name, values in (self.filters or {}).items() if values}
        object.__setattr__(self, "filters", chosen)
        object.__setattr__(self, "facet_names", tuple(self.facet_names))

    @property
    def normalised_text(self):
        """The words as the index stores text: NFC, lower case, single spaces."""
        return normalise(self.text)

    @property
    def offset(self):
        """How many hits come before this page's first."""
        return (max(self.page, 1) - 1) * self.per_page


@dataclass
class Hit:
    kind: str
    object_id: str
    title: str
    url: str
    # the language the title and summary are written in (the visitor's unless `fallback`)
    written_in: str = ""
    fallback: bool = False
    summary: str = ""
    image_url: str = ""
    price: int | None = None
    rating: float | None = None
    published_at: datetime | None = None
    ocop_stars: int | None = None
    # a product that can go straight into the basket from its card
    buyable: bool = False


# What an engine reads back for each hit.
HIT_FIELDS = tuple(hit_field.name for hit_field in fields(Hit))


@dataclass
class Results:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    # {facet name: {value: count}}, counted as if that facet's own selection were not made
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # {kind: count} for the query and facets, whatever kind is chosen
    kinds: dict[str, int] = field(default_factory=dict)
    # the query corrected ("did you mean"), when the correction finds more than the query did
    suggestions: list[str] = field(default_factory=list)
    # the words of the suggestions that were corrected, to highlight them
    corrected: set[str] = field(default_factory=set)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.per_page))


class RebuildRunning(Exception):
    """Another process is rebuilding the index: this one does not start a second."""


@dataclass
class Suggestion:
    kind: str
    title: str
    url: str


class SearchBackend:
    """The interface views use. Text is matched as typed, accents and đ optional."""

    name = ""

    def search(self, query: SearchQuery) -> Results:
        raise NotImplementedError

    def autocomplete(self, prefix, *, language, limit=8):
        raise NotImplementedError

    def replace(self, kind, object_id, items):
        """Make the index hold exactly `items` for this object (none: it is no longer found)."""
        raise NotImplementedError

    def rebuild(self, items, total=None, progress=None):
        """Index `items` (an iterable over everything) in place of the whole index."""
        raise NotImplementedError

    def health(self):
        return {"backend": self.name, "state": "ok"}


def synonym_groups():
    """The editors' synonyms, each a list of folded terms that mean the same."""
    return [
        [fold(normalise(term)) for term in synonym.term_list] for synonym in Synonym.objects.all()
    ]


def interleave(suggestions, limit):
    """Up to `limit` suggestions, taking turns between kinds so products don't crowd out the rest."""
    by_kind = {}
    seen = set()
    for suggestion in suggestions:
        if (suggestion.title, suggestion.kind) in seen:
            continue
        seen.add((suggestion.title, suggestion.kind))
        by_kind.setdefault(suggestion.kind, []).append(suggestion)
    order = sorted(by_kind, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99)
    mixed = [
        suggestion
        for round_ in itertools.zip_longest(*(by_kind[k] for k in order))
        for suggestion in round_
        if suggestion is not None
    ]
    return mixed[:limit]
