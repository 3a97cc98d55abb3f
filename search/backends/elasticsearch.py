"""The Elasticsearch backend: one aliased index, queries built by pure functions (tested exactly).

A rebuild writes a new dated index and then moves the alias in one step, so searches never see a
half-built index.
"""

import functools
import logging

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from elasticsearch import Elasticsearch
from elasticsearch.helpers import streaming_bulk

from ..documents import SearchDocument, build_index, document_id
from ..text import normalise
from .base import HIT_FIELDS, Hit, Results, SearchBackend, Suggestion, interleave, synonym_groups

logger = logging.getLogger(__name__)

FUZZINESS = "AUTO:5,100"  # no typo allowed under five letters, one from five on


# --- query bodies: pure functions of the request ---------------------------------------------


def text_query(query):
    """Match every word, folded, through synonyms; or, failing that, with one typo per longer word."""
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": ["title.folded^3", "body.folded"],
                        "operator": "and",
                    }
                },
                {
                    "multi_match": {
                        "query": query,
                        "fields": ["title.folded^2", "body.folded"],
                        "operator": "and",
                        "analyzer": "folded",
                        "fuzziness": FUZZINESS,
                        "prefix_length": 1,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def boosts(query):
    """Exact spelling above folded, title above body."""
    return [
        {"match_phrase": {"title": {"query": query, "boost": 10}}},
        {"match": {"title": {"query": query, "operator": "and", "boost": 4}}},
        {"match_phrase": {"title.folded": {"query": query, "analyzer": "folded", "boost": 3}}},
        {"match_phrase": {"body": {"query": query, "boost": 1}}},
    ]


def facet_filters(filters, leave_out=None):
    return [
        {"terms": {"facets": [f"{name}:{value}" for value in values]}}
        for name, values in sorted(filters.items())
        if values and name != leave_out
    ]


def sort_clause(sort, has_query):
    newest = {"published_at": {"order": "desc", "missing": "_last"}}
    return {
        "price": [{"price": {"order": "asc", "missing": "_last"}}, "_score"],
        "-price": [{"price": {"order": "desc", "missing": "_last"}}, "_score"],
        "newest": [newest, "_score"],
        "rating": [{"rating": {"order": "desc", "missing": "_last"}}, "_score"],
    }.get(sort, ["_score", newest] if has_query else [newest])


def search_body(query):
    """The request body for one search page: hits, kind counts and multi-select facet counts."""
    text, kind, filters = query.normalised_text, query.kind, query.filters
    kind_filter = [{"term": {"kind": kind}}] if kind else []
    main = {"bool": {"filter": [{"term": {"language": query.language}}]}}
    if text:
        main["bool"]["must"] = [text_query(text)]
        main["bool"]["should"] = boosts(text)
    aggs = {
        "kinds": {
            "filter": {"bool": {"filter": facet_filters(filters)}},
            "aggs": {"values": {"terms": {"field": "kind", "size": 50}}},
        }
    }
    for name in query.facet_names:
        aggs[f"facet_{name}"] = {
            "filter": {"bool": {"filter": kind_filter + facet_filters(filters, leave_out=name)}},
            "aggs": {
                "values": {"terms": {"field": "facets", "include": f"{name}:.*", "size": 100}}
            },
        }
    body = {
        "query": main,
        "aggs": aggs,
        "sort": sort_clause(query.sort, bool(text)),
        "from": query.offset,
        "size": query.per_page,
        "track_total_hits": True,
        "_source": list(HIT_FIELDS),
    }
    post_filter = kind_filter + facet_filters(filters)
    if post_filter:
        body["post_filter"] = {"bool": {"filter": post_filter}}
    if text:
        body["suggest"] = {
            "spelling": {
                "text": text,
                "term": {"field": "title.folded", "suggest_mode": "missing"},
            }
        }
    return body


def autocomplete_body(prefix, *, language, limit=8):
    prefix = normalise(prefix)
    return {
        "query": {
            "bool": {
                "must": [{"match": {"title.autocomplete": {"query": prefix, "operator": "and"}}}],
                "should": [{"match_phrase_prefix": {"title.folded": {"query": prefix}}}],
                "filter": [{"term": {"language": language}}],
            }
        },
        "size": limit * 3,
        "_source": ["kind", "title", "url"],
    }


def object_query(kind, object_id):
    return {"bool": {"filter": [{"term": {"kind": kind}}, {"term": {"object_id": object_id}}]}}


# --- the backend ------------------------------------------------------------------------------


@functools.cache
def client_for(url):
    # Fail fast: a dead cluster must cost a search a moment, not the request's whole timeout.
    return Elasticsearch(url, request_timeout=3, max_retries=0, retry_on_timeout=False)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, alias=None):
        self.url = url
        self.alias = alias or f"{settings.ELASTICSEARCH_INDEX_PREFIX}-items"

    @property
    def client(self):
        return client_for(self.url)

    def search(self, query):
        response = self.client.search(index=self.alias, body=search_body(query))
        return results_from(response, query)

    def autocomplete(self, prefix, *, language, limit=8):
        if not normalise(prefix):
            return []
        response = self.client.search(
            index=self.alias, body=autocomplete_body(prefix, language=language, limit=limit)
        )
        found = [
            Suggestion(hit["_source"]["kind"], hit["_source"]["title"], hit["_source"]["url"])
            for hit in response["hits"]["hits"]
        ]
        return interleave(found, limit)

    def replace(self, kind, object_id, items):
        self.client.delete_by_query(
            index=self.alias, query=object_query(kind, object_id), conflicts="proceed", refresh=True
        )
        for item in items:
            document = SearchDocument.from_item(item)
            self.client.index(
                index=self.alias, id=document.meta.id, document=document.to_dict(), refresh=True
            )

    def rebuild(self, items, total=None, progress=None):
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        index = build_index(
            name,
            synonyms=[", ".join(group) for group in synonym_groups() if len(group) > 1],
            replicas=settings.ELASTICSEARCH_REPLICAS,
        )
        index.create(using=self.client)
        done = 0
        actions = (
            {
                "_index": name,
                "_id": document_id(item.kind, item.object_id, item.language),
                "_source": SearchDocument.from_item(item).to_dict(),
            }
            for item in items
        )
        for ok, _info in streaming_bulk(self.client, actions, chunk_size=500):
            done += ok
            if progress and done % 100 == 0:
                progress(done, total)
        self.client.indices.refresh(index=name)
        self.swap_alias(name)
        if progress:
            progress(done, total)
        return done

    def swap_alias(self, name):
        """Point the alias at `name` in one step, then drop the indices it pointed to before."""
        old = []
        if self.client.indices.exists_alias(name=self.alias):
            old = list(self.client.indices.get_alias(name=self.alias).keys())
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index)

    def health(self):
        state = "ok" if self.client.ping() else "unavailable"
        return {"backend": self.name, "state": state}


def results_from(response, query):
    hits = [
        Hit(**{name: hit["_source"].get(name) for name in HIT_FIELDS})
        for hit in response["hits"]["hits"]
    ]
    for hit in hits:
        hit.summary = hit.summary or ""
        hit.image_url = hit.image_url or ""
        if isinstance(hit.published_at, str):
            hit.published_at = parse_datetime(hit.published_at)
    aggregations = response.get("aggregations", {})
    kinds = {
        bucket["key"]: bucket["doc_count"]
        for bucket in aggregations.get("kinds", {}).get("values", {}).get("buckets", [])
    }
    facets = {}
    for name in query.facet_names:
        buckets = aggregations.get(f"facet_{name}", {}).get("values", {}).get("buckets", [])
        facets[name] = {bucket["key"].split(":", 1)[1]: bucket["doc_count"] for bucket in buckets}
    total = response["hits"]["total"]["value"]
    suggestions = []
    spelling = response.get("suggest", {}).get("spelling", [])
    if not total and any(part.get("options") for part in spelling):
        suggestions = [
            " ".join(
                part["options"][0]["text"] if part.get("options") else part["text"]
                for part in spelling
            )
        ]
    return Results(
        hits=hits,
        total=total,
        page=query.page,
        per_page=query.per_page,
        facets=facets,
        kinds=kinds,
        suggestions=suggestions,
    )
