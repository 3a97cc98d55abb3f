"""What every search backend answers with, whichever engine is behind it."""

import math
from dataclasses import dataclass, field
from datetime import datetime

SORTS = ("relevance", "price", "-price", "newest", "rating")


@dataclass
class Hit:
    kind: str
    object_id: str
    title: str
    url: str
    summary: str = ""
    image_url: str = ""
    price: int | None = None
    rating: float | None = None
    published_at: datetime | None = None


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
    # other spellings that find something, when the query found little
    suggestions: list[str] = field(default_factory=list)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.per_page))


@dataclass
class Suggestion:
    kind: str
    title: str
    url: str


class SearchBackend:
    """The interface views use. Text is matched as typed, accents and đ optional."""

    name = ""

    def search(
        self,
        query,
        *,
        language,
        kind=None,
        filters=None,
        sort="relevance",
        page=1,
        per_page=24,
        facet_names=(),
    ):
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
