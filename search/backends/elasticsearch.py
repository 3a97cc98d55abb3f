"""The Elasticsearch backend: one aliased index, queries built by pure functions (tested exactly).

A rebuild writes a new dated index and then moves the alias in one step, so searches never see a
half-built index; writes made meanwhile go to both indices, and one rebuild runs at a time.
It answers as the database backend does: every word (folded, through synonyms) in the title, the
body or a name in any language (`content`), a Han run by its bigrams (a third may be missing),
one or two typos per longer word by `fuzziness`, shorter words corrected by the phrase
suggester, in context, whose correction is searched too and offered as "did you mean".
"""

import functools
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from ..documents import SearchDocument, build_index, document_id
from ..models import SearchBacklog
from ..registry import LANGUAGES
from ..text import CJK_RUNS, is_cjk, normalise
from .base import (
    HIT_FIELDS,
    Hit,
    RebuildRunning,
    Results,
    SearchBackend,
    Suggestion,
    interleave,
    synonym_groups,
)

logger = logging.getLogger(__name__)

# No typo under five letters (the suggester corrects those in context), one at five, two from six.
FUZZINESS = "AUTO:5,6"
# Of a Han run's bigrams a third may be missing, as search.text.bigrams_needed counts them.
CJK_MINIMUM_SHOULD_MATCH = "-34%"
# index.max_result_window: `from + size` beyond it is refused with a 400.
MAX_RESULT_WINDOW = 10_000
MARK = re.compile(r"<mark>(.*?)</mark>")
# A rebuild's own client: bulk writes, refresh and alias calls may take long, and are retried.
REBUILD_OPTIONS = {"request_timeout": 120, "max_retries": 3, "retry_on_timeout": True}
REBUILD_LOCK_SECONDS = 60 * 60


# --- query bodies: pure functions of the request ---------------------------------------------


def split_text(text):
    """A query's words (and Han runs of up to two characters), and its longer Han runs."""
    words, runs = [], []
    for word in text.split(" "):
        for part in CJK_RUNS.findall(word) if is_cjk(word) else [word]:
            part = part.strip()
            if part and is_cjk(part) and len(part) > 2:
                runs.append(part)
            elif part:
                words.append(part)
    return " ".join(words), runs


def words_query(text, **options):
    """Every word of `text` in `content`; each long Han run by enough of its bigrams."""
    words, runs = split_text(text)
    must = []
    if words:
        must.append({"match": {"content": {"query": words, "operator": "and", **options}}})
    must += [
        {"match": {"content": {"query": run, "minimum_should_match": CJK_MINIMUM_SHOULD_MATCH}}}
        for run in runs
    ]
    return must[0] if len(must) == 1 else {"bool": {"must": must}}


def text_query(query, corrected=""):
    """The words as typed; or with one or two typos per longer word; or the suggester's correction."""
    readings = [words_query(query), words_query(query, fuzziness=FUZZINESS, prefix_length=0)]
    if corrected:
        readings.append(words_query(corrected))
    return {"bool": {"should": readings, "minimum_should_match": 1}}


def boosts(query):
    """As typed above corrections; exact spelling above folded; the visitor's language above
    another; title above names and body."""
    return [
        {"constant_score": {"filter": words_query(query), "boost": 20}},
        {"match_phrase": {"title": {"query": query, "boost": 10}}},
        {"match": {"title": {"query": query, "operator": "and", "boost": 4}}},
        {"match_phrase": {"title.folded": {"query": query, "analyzer": "folded", "boost": 3}}},
        {"constant_score": {"filter": {"term": {"fallback": False}}, "boost": 4}},
        {"match_phrase": {"names": {"query": query, "analyzer": "folded", "boost": 2}}},
        {"match_phrase": {"body": {"query": query, "boost": 1}}},
    ]


def facet_filters(filters, leave_out=None):
    return [
        {"terms": {"facets": [f"{name}:{value}" for value in values]}}
        for name, values in sorted(filters.items())
        if values and name != leave_out
    ]


# Kind and object id are unique within a language: hits keep their order from page to page.
TIE_BREAKER = [{"kind": "asc"}, {"object_id": "asc"}]


def sort_clause(sort, has_query):
    newest = {"published_at": {"order": "desc", "missing": "_last"}}
    return {
        "price": [{"price": {"order": "asc", "missing": "_last"}}, "_score"],
        "-price": [{"price": {"order": "desc", "missing": "_last"}}, "_score"],
        "newest": [newest, "_score"],
        "rating": [{"rating": {"order": "desc", "missing": "_last"}}, "_score"],
    }.get(sort, ["_score", newest] if has_query else [newest]) + TIE_BREAKER


def last_page(per_page):
    """The last page Elasticsearch can answer (`index.max_result_window`)."""
    return max(1, MAX_RESULT_WINDOW // per_page)


def did_you_mean(text):
    """The phrase suggester: the likeliest correction of the whole query, in context (the names'
    shingles), one edit per word, kept only if it finds something (`collate`)."""
    return {
        "text": text,
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
                    "source": {"match": {"content": {"query": "{{suggestion}}", "operator": "and"}}}
                },
                "prune": True,
            },
        },
    }


def search_body(query, corrected=""):
    """The request body for one search page: hits, kind counts, multi-select facet counts, how
    many the words as typed find, and the "did you mean" suggester (not when searching the
    correction itself)."""
    text, kind, filters = query.normalised_text, query.kind, query.filters
    page = min(max(query.page, 1), last_page(query.per_page))
    kind_filter = [{"term": {"kind": kind}}] if kind else []
    main = {"bool": {"filter": [{"term": {"language": query.language}}]}}
    if text:
        main["bool"]["must"] = [text_query(text, corrected)]
        main["bool"]["should"] = boosts(text)
    aggs = {
        "kinds": {
            "filter": {"bool": {"filter": facet_filters(filters)}},
            "aggs": {"values": {"terms": {"field": "kind", "size": 50}}},
        }
    }
    if text:
        aggs["as_typed"] = {
            "filter": {"bool": {"filter": [words_query(text), *facet_filters(filters)]}}
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
        "from": (page - 1) * query.per_page,
        "size": query.per_page,
        "track_total_hits": True,
        "_source": list(HIT_FIELDS),
    }
    post_filter = kind_filter + facet_filters(filters)
    if post_filter:
        body["post_filter"] = {"bool": {"filter": post_filter}}
    if text and not corrected:
        body["suggest"] = {"did_you_mean": did_you_mean(text)}
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


def write_actions(index, kind, object_id, items):
    """Bulk actions making `index` hold exactly `items` for this object: its documents' ids are
    known (kind, id, language), so each language's is written or deleted, in one request."""
    present = {item.language for item in items}
    actions = [
        {"delete": {"_index": index, "_id": document_id(kind, object_id, language)}}
        for language in LANGUAGES
        if language not in present
    ]
    for item in items:
        document = SearchDocument.from_item(item)
        actions += [{"index": {"_index": index, "_id": document.meta.id}}, document.to_dict()]
    return actions


# --- the backend ------------------------------------------------------------------------------


@functools.cache
def client_for(url):
    """The cluster's client, with its CA and API key when set (ES 8 speaks TLS by default).

    Fail fast: a dead cluster must cost a search a moment, not the request's whole timeout.
    """
    options = {}
    if ca_certs := getattr(settings, "ELASTICSEARCH_CA_CERTS", ""):
        options["ca_certs"] = ca_certs
    if api_key := getattr(settings, "ELASTICSEARCH_API_KEY", ""):
        options["api_key"] = api_key
    return Elasticsearch(url, request_timeout=3, max_retries=0, retry_on_timeout=False, **options)


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
        suggestion, corrected = suggestion_from(response, query.normalised_text)
        if suggestion:
            # Search the correction too: what it finds comes after what the words as typed find.
            response = self.client.search(
                index=self.alias, body=search_body(query, corrected=suggestion)
            )
        return results_from(response, query, suggestion, corrected)

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

    # --- writing --------------------------------------------------------------------------

    def _rebuilding_key(self):
        return f"search:rebuilding:{self.alias}"

    def replace(self, kind, object_id, items):
        """One bulk request, visible to the next search (`wait_for`), to the live index and to
        the one a rebuild is filling, if any."""
        actions = write_actions(self.alias, kind, object_id, items)
        if building := cache.get(self._rebuilding_key()):
            actions += write_actions(building, kind, object_id, items)
        response = self.client.bulk(operations=actions, refresh="wait_for")
        if response.get("errors"):
            failed = [
                result
                for entry in response["items"]
                for action, result in entry.items()
                if "error" in result and not (action == "delete" and result.get("status") == 404)
            ]
            if failed:
                raise BulkIndexError(f"{len(failed)} document(s) failed to index.", failed)

    def rebuild(self, items, total=None, progress=None):
        """A new index, filled, then swapped in; deleted if anything fails. One at a time."""
        started = timezone.now()
        name = f"{self.alias}-{started:%Y%m%d%H%M%S%f}"
        lock = f"search:rebuild-lock:{self.alias}"
        if not cache.add(lock, name, REBUILD_LOCK_SECONDS):
            raise RebuildRunning(f"A rebuild of {self.alias} is already running.")
        client = self.client.options(**REBUILD_OPTIONS)
        try:
            index = build_index(
                name,
                synonyms=[", ".join(group) for group in synonym_groups() if len(group) > 1],
                replicas=settings.ELASTICSEARCH_REPLICAS,
            )
            index.create(using=client)
            cache.set(self._rebuilding_key(), name, REBUILD_LOCK_SECONDS)
            done = 0
            actions = (
                {
                    "_index": name,
                    "_id": document_id(item.kind, item.object_id, item.language),
                    "_source": SearchDocument.from_item(item).to_dict(),
                }
                for item in items
            )
            for ok, _info in streaming_bulk(client, actions, chunk_size=500, max_retries=3):
                done += ok
                if progress and done % 100 == 0:
                    progress(done, total)
            client.indices.refresh(index=name)
            self.swap_alias(name, client)
            # Failures before the rebuild began are in the new index's documents now.
            SearchBacklog.objects.filter(failed_at__lt=started).delete()
        except Exception:
            logger.exception("The rebuild of %s failed; its index %s is deleted.", self.alias, name)
            try:
                client.indices.delete(index=name, ignore_unavailable=True)
            except (ApiError, TransportError):
                logger.exception("Could not delete %s: delete it by hand.", name)
            raise
        finally:
            cache.delete(self._rebuilding_key())
            cache.delete(lock)
        if progress:
            progress(done, total)
        return done

    def swap_alias(self, name, client=None):
        """Point the alias at `name` in one step, then drop the indices it pointed to before."""
        client = client or self.client
        old = []
        if client.indices.exists_alias(name=self.alias):
            old = list(client.indices.get_alias(name=self.alias).keys())
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        client.indices.update_aliases(actions=actions)
        for index in old:
            client.indices.delete(index=index)

    def health(self):
        state = "ok" if self.client.options(request_timeout=1).ping() else "unavailable"
        return {"backend": self.name, "state": state}


def suggestion_from(response, text):
    """The suggester's correction of `text` and its corrected words, if it found one."""
    for part in response.get("suggest", {}).get("did_you_mean", []):
        for option in part.get("options", []):
            if option.get("collate_match", True) and option["text"] != text:
                return option["text"], set(MARK.findall(option.get("highlighted", "")))
    return "", set()


def results_from(response, query, suggestion="", corrected=()):
    hits = [
        Hit(**{name: hit["_source"].get(name) for name in HIT_FIELDS})
        for hit in response["hits"]["hits"]
    ]
    for hit in hits:
        hit.summary = hit.summary or ""
        hit.image_url = hit.image_url or ""
        hit.written_in = hit.written_in or ""
        hit.fallback = bool(hit.fallback)
        hit.buyable = bool(hit.buyable)
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
    # "Did you mean" whenever the correction finds what the words as typed did not.
    as_typed = aggregations.get("as_typed", {}).get("doc_count", sum(kinds.values()))
    better = bool(suggestion) and sum(kinds.values()) > as_typed
    return Results(
        hits=hits,
        total=total,
        page=min(max(query.page, 1), last_page(query.per_page)),
        per_page=query.per_page,
        facets=facets,
        kinds=kinds,
        suggestions=[suggestion] if better else [],
        corrected=set(corrected) if better else set(),
    )
