"""The database search index: one row per public item per language, kept in sync by `search.tasks`."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

WORD = re.compile(r"\w")


class SearchEntry(models.Model):
    """One searchable item (a product, a village page…) as seen in one language.

    Text is stored twice: lower-cased as written, and folded (no accents, đ as d), so that both
    databases match `ao cham` to `Áo chàm` with a plain LIKE and can still rank the exact spelling first.
    `names_folded` holds the item's names in every language, so that `ao cham` typed on the English
    site finds the shirt too. An item not translated into a language is still found in it: its
    entry there shows the item in the language it is written in (`fallback`).
    """

    kind = models.CharField(max_length=30)
    object_id = models.CharField(max_length=40)
    language = models.CharField(max_length=10)
    title = models.CharField(max_length=255)
    title_lower = models.CharField(max_length=255)
    title_folded = models.CharField(max_length=255)
    body_lower = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    names_folded = models.TextField(blank=True)
    # Title, names and body folded in one column: a query word is one LIKE, not three.
    content_folded = models.TextField(blank=True)
    fallback = models.BooleanField(default=False)
    written_in = models.CharField(max_length=10, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500)
    image_url = models.CharField(max_length=500, blank=True)
    price = models.PositiveBigIntegerField(null=True, blank=True)
    rating = models.FloatField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    ocop_stars = models.PositiveSmallIntegerField(null=True, blank=True)
    buyable = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_entry_unique_item"
            )
        ]
        indexes = [
            models.Index(fields=["language", "title_folded"]),
            # Counting a listing's items per kind reads this index alone.
            models.Index(fields=["language", "kind"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language}): {self.title}"


class SearchFacet(models.Model):
    """A value an entry can be narrowed by: `category` = `Dệt may`, `ocop_stars` = `4`…"""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    # The entry's language and kind again, so that a listing's facet counts read one index
    # instead of joining every facet row to its entry (80 ms down to 14 ms at 10,000 products).
    language = models.CharField(max_length=10, default="")
    kind = models.CharField(max_length=30, default="")
    name = models.CharField(max_length=30)
    value = models.CharField(max_length=255)

    class Meta:
        indexes = [
            models.Index(fields=["name", "value"]),
            models.Index(fields=["language", "kind", "name", "value"]),
        ]

    def __str__(self):
        return f"{self.name}={self.value}"


class SearchWord(models.Model):
    """A folded word seen in the index, or two neighbouring words of a name (`dau hoi`): the
    vocabulary that typo tolerance corrects towards, and the context it corrects short words in."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self):
        return self.word


class Synonym(models.Model):
    """Words that mean the same to a searcher: `star anise, hoa hồi, 八角`. Editors extend the list."""

    terms = models.CharField(
        _("terms"),
        max_length=500,
        unique=True,
        help_text=_("Comma-separated words or phrases that should find each other."),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def save(self, *args, **kwargs):
        # A term with no letter or digit (`×`, `&`) means nothing to either engine: dropped.
        self.terms = ", ".join(self.term_list)
        super().save(*args, **kwargs)

    @property
    def term_list(self):
        return [term.strip() for term in self.terms.split(",") if WORD.search(term)]


class SearchBacklog(models.Model):
    """An object the cluster failed to index: written again after its next successful write,
    and forgotten once a rebuild that began after the failure has swapped in."""

    kind = models.CharField(max_length=30)
    object_id = models.CharField(max_length=40)
    failed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_backlog_unique")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}"
