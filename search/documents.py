"""The Elasticsearch index: one document per item per language, with Vietnamese folded both ways.

Every text is indexed twice: as written (lower-cased, accents kept) so that the exact spelling
ranks first, and folded (`đ` → `d` by a mapping char filter, then `asciifolding`) so that `dau hoi`
finds `Dầu hồi`. Synonyms (editable in the CMS) are applied when searching, edge n-grams serve
autocomplete.
"""

from elasticsearch.dsl import (
    Date,
    Document,
    Float,
    Index,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

vietnamese_d = char_filter("vietnamese_d", type="mapping", mappings=["đ => d", "Đ => D"])
edge_grams = token_filter("edge_grams", type="edge_ngram", min_gram=1, max_gram=20)

exact = analyzer("exact", tokenizer="standard", filter=["lowercase"])
folded = analyzer(
    "folded", tokenizer="standard", char_filter=[vietnamese_d], filter=["lowercase", "asciifolding"]
)
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    char_filter=[vietnamese_d],
    filter=["lowercase", "asciifolding", edge_grams],
)


def folded_search(synonyms):
    """The folded analyzer plus synonyms, for queries (`star anise, hoa hoi, 八角`)."""
    filters = ["lowercase", "asciifolding"]
    if synonyms:
        filters.append(
            token_filter("search_synonyms", type="synonym_graph", synonyms=list(synonyms))
        )
    return analyzer(
        "folded_search", tokenizer="standard", char_filter=[vietnamese_d], filter=filters
    )


class SearchDocument(Document):
    """A product, village, Geopark site, tour… in one language (`search.registry.Item`)."""

    kind = Keyword()
    object_id = Keyword()
    language = Keyword()
    title = Text(
        analyzer=exact,
        fields={
            "folded": Text(analyzer=folded, search_analyzer="folded_search"),
            "autocomplete": Text(analyzer=autocomplete, search_analyzer=folded),
        },
    )
    body = Text(
        analyzer=exact, fields={"folded": Text(analyzer=folded, search_analyzer="folded_search")}
    )
    summary = Keyword(index=False)
    url = Keyword(index=False)
    image_url = Keyword(index=False)
    price = Long()
    rating = Float()
    published_at = Date()
    # "name:value" pairs: `category:Dệt may`, `ocop_stars:4`
    facets = Keyword()

    @classmethod
    def from_item(cls, item):
        return cls(
            meta={"id": document_id(item.kind, item.object_id, item.language)},
            kind=item.kind,
            object_id=item.object_id,
            language=item.language,
            title=item.title,
            body=item.body,
            summary=item.summary,
            url=item.url,
            image_url=item.image_url,
            price=item.price,
            rating=item.rating,
            published_at=item.published_at,
            facets=[f"{name}:{value}" for name, values in item.facets.items() for value in values],
        )


def document_id(kind, object_id, language):
    return f"{kind}-{object_id}-{language}"


def build_index(name, synonyms=(), replicas=1):
    """The index definition (settings, analyzers, mapping) under a concrete, dated name."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=replicas, max_ngram_diff=19)
    index.analyzer(folded_search(synonyms))
    index.analyzer(autocomplete)
    index.document(SearchDocument)
    return index
