"""What we send to Elasticsearch, exactly: the index definition and the query bodies (no server)."""

import unicodedata

import pytest

from search.backends import SearchQuery
from search.backends.elasticsearch import (
    autocomplete_body,
    results_from,
    search_body,
    sort_clause,
    suggestion_from,
    write_actions,
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


def test_index_folds_vietnamese_with_d_mapped_explicitly_and_makes_chinese_bigrams():
    analysis = build_index("langnghe-items-1", synonyms=[]).to_dict()["settings"]["analysis"]
    assert analysis["char_filter"]["vietnamese_d"] == {
        "type": "mapping",
        "mappings": ["đ => d", "Đ => D"],
    }
    # cjk_width and cjk_bigram are built in: full-width forms folded, then Han bigrams.
    assert analysis["analyzer"]["folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["vietnamese_d"],
        "filter": ["cjk_width", "lowercase", "asciifolding", "cjk_bigram"],
    }
    # Accents kept: the exact spelling can rank above a folded match.
    assert analysis["analyzer"]["exact"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["cjk_width", "lowercase", "cjk_bigram"],
    }
    assert analysis["analyzer"]["folded_search"]["filter"] == [
        "cjk_width",
        "lowercase",
        "asciifolding",
        "cjk_bigram",
    ]


def test_index_applies_editors_synonyms_when_searching_leniently():
    settings = build_index("langnghe-items-1", synonyms=["star anise, hoa hoi, 八角"]).to_dict()[
        "settings"
    ]
    analysis = settings["analysis"]
    # lenient: a term the analyzer removes whole (`×`) is skipped, not an index that fails.
    assert analysis["filter"]["search_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["star anise, hoa hoi, 八角"],
        "lenient": True,
    }
    assert analysis["analyzer"]["folded_search"] == {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["vietnamese_d"],
        "filter": ["cjk_width", "lowercase", "asciifolding", "cjk_bigram", "search_synonyms"],
    }


def test_index_has_edge_ngrams_for_autocomplete_and_shingles_for_did_you_mean():
    definition = build_index("langnghe-items-1").to_dict()
    analysis = definition["settings"]["analysis"]
    assert analysis["filter"]["edge_grams"] == {
        "type": "edge_ngram",
        "min_gram": 1,
        "max_gram": 20,
    }
    assert analysis["analyzer"]["autocomplete"]["filter"] == [
        "lowercase",
        "asciifolding",
        "edge_grams",
    ]
    assert definition["settings"]["max_ngram_diff"] == 19
    assert analysis["filter"]["shingles"] == {
        "type": "shingle",
        "min_shingle_size": 2,
        "max_shingle_size": 3,
    }
    assert analysis["analyzer"]["folded_shingles"]["filter"] == [
        "lowercase",
        "asciifolding",
        "shingles",
    ]


def test_mapping_of_a_search_document():
    properties = build_index("langnghe-items-1").to_dict()["mappings"]["properties"]
    folded = {"type": "text", "analyzer": "folded", "search_analyzer": "folded_search"}
    assert properties["title"] == {
        "type": "text",
        "analyzer": "exact",
        "copy_to": ["content", "shingles"],
        "fields": {
            "folded": folded,
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
        "copy_to": "content",
        "fields": {"folded": folded},
    }
    # Words spread over title, body and names match together, as on the database.
    assert properties["names"] == {**folded, "copy_to": ["content", "shingles"]}
    assert properties["content"] == folded
    assert properties["shingles"] == {"type": "text", "analyzer": "folded_shingles"}
    for name in ("kind", "object_id", "language", "written_in", "facets"):
        assert properties[name] == {"type": "keyword"}
    for name in ("summary", "url", "image_url"):
        assert properties[name] == {"type": "keyword", "index": False}
    assert properties["fallback"] == {"type": "boolean"}
    assert properties["buyable"] == {"type": "boolean", "index": False}
    assert properties["ocop_stars"] == {"type": "integer"}
    assert properties["price"] == {"type": "long"}
    assert properties["rating"] == {"type": "float"}
    assert properties["published_at"] == {"type": "date"}


def test_document_from_an_item_flattens_facets_and_normalises_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Áo chàm")
    item = Item(
        kind="product",
        object_id="7",
        language="en",
        title=decomposed,
        url="/catalogue/ao-cham_7/",
        price=650000,
        facets={"category": ["Dệt may"], "ocop_stars": ["4"]},
        names=[decomposed, "Indigo shirt"],
        ocop_stars=4,
        buyable=True,
    )
    document = SearchDocument.from_item(item)
    assert document.meta.id == "product-7-en"
    source = document.to_dict()
    assert source["facets"] == ["category:Dệt may", "ocop_stars:4"]
    assert source["title"] == "Áo chàm" == unicodedata.normalize("NFC", decomposed)
    assert source["names"] == ["Áo chàm", "Indigo shirt"]
    assert (source["written_in"], source["fallback"], source["ocop_stars"]) == ("en", False, 4)


def words(query, **options):
    return {"match": {"content": {"query": query, "operator": "and", **options}}}


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
    chosen = {"terms": {"facets": ["category:Tinh dầu", "category:Gia vị"]}}
    assert body == {
        "query": {
            "bool": {
                "filter": [{"term": {"language": "vi"}}],
                "must": [
                    {
                        "bool": {
                            "should": [
                                words("dầu hồi"),
                                words("dầu hồi", fuzziness="AUTO:5,6", prefix_length=0),
                            ],
                            "minimum_should_match": 1,
                        }
                    }
                ],
                "should": [
                    {"constant_score": {"filter": words("dầu hồi"), "boost": 20}},
                    {"match_phrase": {"title": {"query": "dầu hồi", "boost": 10}}},
                    {"match": {"title": {"query": "dầu hồi", "operator": "and", "boost": 4}}},
                    {
                        "match_phrase": {
                            "title.folded": {"query": "dầu hồi", "analyzer": "folded", "boost": 3}
                        }
                    },
                    {"constant_score": {"filter": {"term": {"fallback": False}}, "boost": 4}},
                    {
                        "match_phrase": {
                            "names": {"query": "dầu hồi", "analyzer": "folded", "boost": 2}
                        }
                    },
                    {"match_phrase": {"body": {"query": "dầu hồi", "boost": 1}}},
                ],
            }
        },
        "aggs": {
            "kinds": {
                "filter": {"bool": {"filter": [chosen]}},
                "aggs": {"values": {"terms": {"field": "kind", "size": 50}}},
            },
            "as_typed": {"filter": {"bool": {"filter": [words("dầu hồi"), chosen]}}},
            "facet_category": {
                "filter": {"bool": {"filter": [{"term": {"kind": "product"}}]}},
                "aggs": {
                    "values": {"terms": {"field": "facets", "include": "category:.*", "size": 100}}
                },
            },
            "facet_producer": {
                "filter": {"bool": {"filter": [{"term": {"kind": "product"}}, chosen]}},
                "aggs": {
                    "values": {"terms": {"field": "facets", "include": "producer:.*", "size": 100}}
                },
            },
        },
        "sort": [
            "_score",
            {"published_at": {"order": "desc", "missing": "_last"}},
            {"kind": "asc"},
            {"object_id": "asc"},
        ],
        "from": 10,
        "size": 10,
        "track_total_hits": True,
        "_source": SOURCE,
        "post_filter": {"bool": {"filter": [{"term": {"kind": "product"}}, chosen]}},
        "suggest": {
            "did_you_mean": {
                "text": "dầu hồi",
                "phrase": {
                    "field": "shingles",
                    "size": 1,
                    "gram_size": 3,
                    "max_errors": 2,
                    "direct_generator": [
                        {
                            "field": "content",
                            "suggest_mode": "always",
                            "max_edits": 1,
                            "prefix_length": 0,
                            "min_word_length": 3,
                        }
                    ],
                    "highlight": {"pre_tag": "<mark>", "post_tag": "</mark>"},
                    "collate": {
                        "query": {
                            "source": {
                                "match": {"content": {"query": "{{suggestion}}", "operator": "and"}}
                            }
                        },
                        "prune": True,
                    },
                },
            }
        },
    }


def test_the_correction_is_searched_too_ranked_after_the_words_as_typed():
    body = search_body(SearchQuery("dau hoj", language="vi"), corrected="dau hoi")
    readings = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert readings[-1] == words("dau hoi")
    assert body["query"]["bool"]["should"][0] == {
        "constant_score": {"filter": words("dau hoj"), "boost": 20}
    }
    assert "suggest" not in body  # the correction is not corrected again


def test_a_long_chinese_run_is_matched_by_enough_of_its_bigrams():
    body = search_body(SearchQuery("母山米酒 750", language="zh-hans"))
    as_typed = body["query"]["bool"]["must"][0]["bool"]["should"][0]
    assert as_typed == {
        "bool": {
            "must": [
                words("750"),
                {"match": {"content": {"query": "母山米酒", "minimum_should_match": "-34%"}}},
            ]
        }
    }


def test_pages_past_the_result_window_are_capped():
    body = search_body(SearchQuery("hoi", language="vi", page=1000, per_page=24))
    assert body["from"] + body["size"] <= 10_000
    assert body["from"] == (10_000 // 24 - 1) * 24


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
        "sort": [
            {"published_at": {"order": "desc", "missing": "_last"}},
            {"kind": "asc"},
            {"object_id": "asc"},
        ],
        "from": 0,
        "size": 24,
        "track_total_hits": True,
        "_source": SOURCE,
    }


def test_sort_clauses_end_with_a_unique_tie_breaker():
    tie = [{"kind": "asc"}, {"object_id": "asc"}]
    assert sort_clause("price", True) == [
        {"price": {"order": "asc", "missing": "_last"}},
        "_score",
        *tie,
    ]
    assert sort_clause("-price", True) == [
        {"price": {"order": "desc", "missing": "_last"}},
        "_score",
        *tie,
    ]
    assert sort_clause("rating", False) == [
        {"rating": {"order": "desc", "missing": "_last"}},
        "_score",
        *tie,
    ]
    assert sort_clause("newest", True) == [
        {"published_at": {"order": "desc", "missing": "_last"}},
        "_score",
        *tie,
    ]


def test_one_write_is_one_bulk_request_for_every_language():
    item = Item(kind="tour", object_id="9", language="vi", title="Một ngày", url="/t/")
    actions = write_actions("langnghe-items", "tour", "9", [item])
    assert actions[:2] == [
        {"delete": {"_index": "langnghe-items", "_id": "tour-9-en"}},
        {"delete": {"_index": "langnghe-items", "_id": "tour-9-zh-hans"}},
    ]
    assert actions[2] == {"index": {"_index": "langnghe-items", "_id": "tour-9-vi"}}
    assert actions[3]["title"] == "Một ngày"
    assert len(write_actions("langnghe-items", "tour", "9", [])) == 3  # gone everywhere


def test_did_you_mean_is_read_from_the_phrase_suggester():
    response = {
        "suggest": {
            "did_you_mean": [
                {
                    "text": "dau hoj",
                    "options": [
                        {
                            "text": "dau hoi",
                            "highlighted": "dau <mark>hoi</mark>",
                            "score": 0.2,
                            "collate_match": True,
                        }
                    ],
                }
            ]
        }
    }
    assert suggestion_from(response, "dau hoj") == ("dau hoi", {"hoi"})
    response["suggest"]["did_you_mean"][0]["options"][0]["collate_match"] = False
    assert suggestion_from(response, "dau hoj") == ("", set())


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
