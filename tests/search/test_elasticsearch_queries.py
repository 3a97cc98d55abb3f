"""What we send to Elasticsearch, exactly: the index definition and the query bodies (no server)."""

import pytest

from search.backends import SearchQuery
from search.backends.elasticsearch import (
    autocomplete_body,
    results_from,
    search_body,
    sort_clause,
)
from search.documents import SearchDocument, build_index
from search.registry import Item, adapter

SOURCE = [
    "kind",
    "object_id",
    "title",
    "url",
    "written_in",
    "fallback",
    "summary",
    "image_url",
    "price",
    "rating",
    "published_at",
    "ocop_stars",
    "buyable",
]


def test_index_folds_vietnamese_with_d_mapped_explicitly():
    analysis = build_index("langnghe-items-1", synonyms=[]).to_dict()["settings"]["analysis"]
    assert analysis["char_filter"]["vietnamese_d"] == {
        "type": "mapping",
        "mappings": ["đ => d", "Đ => D"],
    }
    assert analysis["analyzer"]["folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["vietnamese_d"],
        "filter": ["lowercase", "asciifolding"],
    }
    # Accents kept: the exact spelling can rank above a folded match.
    assert analysis["analyzer"]["exact"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase"],
    }
    assert analysis["analyzer"]["folded_search"]["filter"] == ["lowercase", "asciifolding"]


def test_index_applies_editors_synonyms_when_searching():
    settings = build_index("langnghe-items-1", synonyms=["star anise, hoa hoi, 八角"]).to_dict()[
        "settings"
    ]
    analysis = settings["analysis"]
    assert analysis["filter"]["search_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["star anise, hoa hoi, 八角"],
    }
    assert analysis["analyzer"]["folded_search"] == {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["vietnamese_d"],
        "filter": ["lowercase", "asciifolding", "search_synonyms"],
    }


def test_index_has_edge_ngrams_for_autocomplete():
    definition = build_index("langnghe-items-1").to_dict()
    assert definition["settings"]["analysis"]["filter"]["edge_grams"] == {
        "type": "edge_ngram",
        "min_gram": 1,
        "max_gram": 20,
    }
    assert definition["settings"]["analysis"]["analyzer"]["autocomplete"]["filter"] == [
        "lowercase",
        "asciifolding",
        "edge_grams",
    ]
    assert definition["settings"]["max_ngram_diff"] == 19


def test_mapping_of_a_search_document():
    properties = build_index("langnghe-items-1").to_dict()["mappings"]["properties"]
    assert properties["title"] == {
        "type": "text",
        "analyzer": "exact",
        "fields": {
            "folded": {"type": "text", "analyzer": "folded", "search_analyzer": "folded_search"},
            "autocomplete": {
                "type": "text",
                "analyzer": "autocomplete",
                "search_analyzer": "folded",
            },
        },
    }
    assert properties["body"] == {
        "type": "text",
        "analyzer": "exact",
        "fields": {
            "folded": {"type": "text", "analyzer": "folded", "search_analyzer": "folded_search"}
        },
    }
    for name in ("kind", "object_id", "language", "facets"):
        assert properties[name] == {"type": "keyword"}
    for name in ("summary", "url", "image_url"):
        assert properties[name] == {"type": "keyword", "index": False}
    assert properties["price"] == {"type": "long"}
    assert properties["rating"] == {"type": "float"}
    assert properties["published_at"] == {"type": "date"}


def test_document_from_an_item_flattens_facets():
    item = Item(
        kind="product",
        object_id="7",
        language="vi",
        title="Áo chàm",
        url="/catalogue/ao-cham_7/",
        price=650000,
        facets={"category": ["Dệt may"], "ocop_stars": ["4"]},
    )
    document = SearchDocument.from_item(item)
    assert document.meta.id == "product-7-vi"
    assert document.to_dict()["facets"] == ["category:Dệt may", "ocop_stars:4"]


def test_search_body_for_a_query_with_kind_facets_and_page():
    body = search_body(
        SearchQuery(
            "  Dầu   HỒI ",
            language="vi",
            kind="product",
            filters={"category": ["Tinh dầu", "Gia vị"], "producer": []},
            sort="relevance",
            page=2,
            per_page=10,
            facet_names=["category", "producer"],
        )
    )
    assert body == {
        "query": {
            "bool": {
                "filter": [{"term": {"language": "vi"}}],
                "must": [
                    {
                        "bool": {
                            "should": [
                                {
                                    "multi_match": {
                                        "query": "dầu hồi",
                                        "fields": ["title.folded^3", "body.folded"],
                                        "operator": "and",
                                    }
                                },
                                {
                                    "multi_match": {
                                        "query": "dầu hồi",
                                        "fields": ["title.folded^2", "body.folded"],
                                        "operator": "and",
                                        "analyzer": "folded",
                                        "fuzziness": "AUTO:5,100",
                                        "prefix_length": 1,
                                    }
                                },
                            ],
                            "minimum_should_match": 1,
                        }
                    }
                ],
                "should": [
                    {"match_phrase": {"title": {"query": "dầu hồi", "boost": 10}}},
                    {"match": {"title": {"query": "dầu hồi", "operator": "and", "boost": 4}}},
                    {
                        "match_phrase": {
                            "title.folded": {"query": "dầu hồi", "analyzer": "folded", "boost": 3}
                        }
                    },
                    {"match_phrase": {"body": {"query": "dầu hồi", "boost": 1}}},
                ],
            }
        },
        "aggs": {
            "kinds": {
                "filter": {
                    "bool": {
                        "filter": [{"terms": {"facets": ["category:Tinh dầu", "category:Gia vị"]}}]
                    }
                },
                "aggs": {"values": {"terms": {"field": "kind", "size": 50}}},
            },
            "facet_category": {
                "filter": {"bool": {"filter": [{"term": {"kind": "product"}}]}},
                "aggs": {
                    "values": {"terms": {"field": "facets", "include": "category:.*", "size": 100}}
                },
            },
            "facet_producer": {
                "filter": {
                    "bool": {
                        "filter": [
                            {"term": {"kind": "product"}},
                            {"terms": {"facets": ["category:Tinh dầu", "category:Gia vị"]}},
                        ]
                    }
                },
                "aggs": {
                    "values": {"terms": {"field": "facets", "include": "producer:.*", "size": 100}}
                },
            },
        },
        "sort": ["_score", {"published_at": {"order": "desc", "missing": "_last"}}],
        "from": 10,
        "size": 10,
        "track_total_hits": True,
        "_source": SOURCE,
        "post_filter": {
            "bool": {
                "filter": [
                    {"term": {"kind": "product"}},
                    {"terms": {"facets": ["category:Tinh dầu", "category:Gia vị"]}},
                ]
            }
        },
        "suggest": {
            "spelling": {
                "text": "dầu hồi",
                "term": {"field": "title.folded", "suggest_mode": "missing"},
            }
        },
    }


def test_search_body_without_words_lists_everything_newest_first():
    body = search_body(SearchQuery(language="en"))
    assert body == {
        "query": {"bool": {"filter": [{"term": {"language": "en"}}]}},
        "aggs": {
            "kinds": {
                "filter": {"bool": {"filter": []}},
                "aggs": {"values": {"terms": {"field": "kind", "size": 50}}},
            }
        },
        "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
        "from": 0,
        "size": 24,
        "track_total_hits": True,
        "_source": SOURCE,
    }


def test_sort_clauses():
    assert sort_clause("price", True) == [{"price": {"order": "asc", "missing": "_last"}}, "_score"]
    assert sort_clause("-price", True) == [
        {"price": {"order": "desc", "missing": "_last"}},
        "_score",
    ]
    assert sort_clause("rating", False) == [
        {"rating": {"order": "desc", "missing": "_last"}},
        "_score",
    ]
    assert sort_clause("newest", True) == [
        {"published_at": {"order": "desc", "missing": "_last"}},
        "_score",
    ]


def test_autocomplete_body():
    assert autocomplete_body("Áo ch", language="vi", limit=8) == {
        "query": {
            "bool": {
                "must": [{"match": {"title.autocomplete": {"query": "áo ch", "operator": "and"}}}],
                "should": [{"match_phrase_prefix": {"title.folded": {"query": "áo ch"}}}],
                "filter": [{"term": {"language": "vi"}}],
            }
        },
        "size": 24,
        "_source": ["kind", "title", "url"],
    }


def test_results_are_read_from_a_response():
    response = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "hits": [
                {
                    "_source": {
                        "kind": "product",
                        "object_id": "7",
                        "title": "Áo chàm",
                        "url": "/catalogue/ao-cham_7/",
                        "price": 650000,
                        "published_at": "2026-11-30T01:00:00+00:00",
                    }
                }
            ],
        },
        "aggregations": {
            "kinds": {"values": {"buckets": [{"key": "product", "doc_count": 1}]}},
            "facet_category": {
                "values": {"buckets": [{"key": "category:Dệt may", "doc_count": 1}]}
            },
        },
    }
    results = results_from(response, SearchQuery(language="vi", facet_names=["category"]))
    assert results.total == 1
    assert results.hits[0].title == "Áo chàm"
    assert results.hits[0].published_at.year == 2026
    assert results.kinds == {"product": 1}
    assert results.facets == {"category": {"Dệt may": 1}}


@pytest.mark.django_db
def test_an_experience_becomes_a_document_with_its_price_and_facets(home):
    from tests.tours.factories import ExperiencePageFactory
    from tests.villages.factories import VillagePageFactory

    village = VillagePageFactory(title="Làng hương Nà Phiêng", slug="na-phieng-es")
    page = ExperiencePageFactory(title="Se hương", village=village, price=250000)
    # Not translated: found in every language, written in Vietnamese.
    item, *stand_ins = adapter("experience").items(page)
    assert [(other.language, other.written_in) for other in stand_ins] == [
        ("en", "vi"),
        ("zh-hans", "vi"),
    ]
    document = SearchDocument.from_item(item).to_dict()
    assert document["kind"] == "experience"
    assert document["price"] == 250000
    assert set(document["facets"]) == {
        "spoken:vi",
        "spoken:tay",
        "village:Làng hương Nà Phiêng",
    }
    assert "Nà Phiêng" in document["body"]


def test_a_listing_asks_for_products_narrowed_by_hidden_facets():
    body = search_body(
        SearchQuery(
            language="vi",
            kind="product",
            filters={"village_key": ["abc"], "ocop_stars": ["4"]},
            sort="price",
            facet_names=["ocop_stars"],
        )
    )
    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"term": {"kind": "product"}},
                {"terms": {"facets": ["ocop_stars:4"]}},
                {"terms": {"facets": ["village_key:abc"]}},
            ]
        }
    }
    assert body["aggs"]["facet_ocop_stars"]["filter"] == {
        "bool": {
            "filter": [{"term": {"kind": "product"}}, {"terms": {"facets": ["village_key:abc"]}}]
        }
    }
