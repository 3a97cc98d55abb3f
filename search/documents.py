"""The Elasticsearch index: one document per item per language, with Vietnamese folded both ways.

Every text is indexed twice: as written (lower-cased, accents kept) so that the exact spelling
ranks first, and folded (`đ` → `d` by a mapping char filter, then `asciifolding`) so that `dau hoi`
finds `Dầu hồi`. Han characters become bigrams (`cjk_width`, then `cjk_bigram`), as the database
backend matches them. Title, body and the item's names in every language are copied into one
folded `content` field, so that the words of a query may be spread over them as the database
allows. Synonyms (editable in the CMS) are applied when searching, edge n-grams serve
autocomplete, shingles the "did you mean" phrase suggester. Text is normalised to NFC before it
is sent: `asciifolding` folds precomposed letters only.
"""

import unicodedata

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

vietnamese_d = char_filter("vietnamese_d", type="mapping", mappings=["đ => d", "Đ => D"])
edge_grams = token_filter("edge_grams", type="edge_ngram", min_gram=1, max_gram=20)
shingles = token_filter("shingles", type="shingle", min_shingle_size=2, max_shingle_size=3)

exact = analyzer("exact", tokenizer="standard", filter=["cjk_width", "lowercase", "cjk_bigram"])
FOLDING = ["cjk_width", "lowercase", "asciifolding", "cjk_bigram"]
folded = analyzer("folded", tokenizer="standard", char_filter=[vietnamese_d], filter=FOLDING)
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    char_filter=[vietnamese_d],
    filter=["lowercase", "asciifolding", edge_grams],
)
folded_shingles = analyzer(
    "folded_shingles",
    tokenizer="standard",
    char_filter=[vietnamese_d],
    filter=["lowercase", "asciifolding", shingles],
)


def folded_search(synonyms):
    """The folded analyzer plus synonyms, for queries (`star anise, hoa hoi, 八角`).

    `lenient`: a term the analyzer removes whole (`×`, `&`) is skipped instead of failing the
    index's creation. Synonyms come after the bigrams, so `八角` is one token on both sides.
    """
    filters = list(FOLDING)
    if synonyms:
        filters.append(
            token_filter(
                "search_synonyms", type="synonym_graph", synonyms=list(synonyms), lenient=True
            )
        )
    return analyzer(
        "folded_search", tokenizer="standard", char_filter=[vietnamese_d], filter=filters
    )


class SearchDocument(Document):
    """A product, village, Geopark site, tour… in one language (`search.registry.Item`)."""

    kind = Keyword()
    object_id = Keyword()
    language = Keyword()
    written_in = Keyword()
    fallback = Boolean()
    title = Text(
        analyzer=exact,
        copy_to=["content", "shingles"],
        fields={
            "folded": Text(analyzer=folded, search_analyzer="folded_search"),
            "autocomplete": Text(analyzer=autocomplete, search_analyzer=folded),
        },
    )
    body = Text(
        analyzer=exact,
        copy_to="content",
        fields={"folded": Text(analyzer=folded, search_analyzer="folded_search")},
    )
    # The item's names in every language it is written in.
    names = Text(analyzer=folded, search_analyzer="folded_search", copy_to=["content", "shingles"])
    content = Text(analyzer=folded, search_analyzer="folded_search")
    # The names' neighbouring words: the language model of the "did you mean" suggester.
    shingles = Text(analyzer=folded_shingles)
    summary = Keyword(index=False)
    url = Keyword(index=False)
    image_url = Keyword(index=False)
    price = Long()
    rating = Float()
    published_at = Date()
    ocop_stars = Integer()
    buyable = Boolean(index=False)
    # "name:value" pairs: `category:Dệt may`, `ocop_stars:4`
    facets = Keyword()

    @classmethod
    def from_item(cls, item):
        return cls(
            meta={"id": document_id(item.kind, item.object_id, item.language)},
            kind=item.kind,
            object_id=item.object_id,
            language=item.language,
            written_in=item.written_in,
            fallback=item.fallback,
            title=nfc(item.title),
            body=nfc(item.body),
            names=[nfc(name) for name in item.names],
            summary=nfc(item.summary),
            url=item.url,
            image_url=item.image_url,
            price=item.price,
            rating=item.rating,
            published_at=item.published_at,
            ocop_stars=item.ocop_stars,
            buyable=item.buyable,
            facets=[
                nfc(f"{name}:{value}") for name, values in item.facets.items() for value in values
            ],
        )


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


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
