"""With Elasticsearch unreachable the site keeps working: search answers from the database."""

import logging

from django.core.cache import cache

import pytest
from elastic_transport import ApiResponseMeta, ConnectionError, HttpHeaders, NodeConfig
from elasticsearch import BadRequestError

from search.backends import SEARCH_ENGINE_ERRORS, FallbackBackend, SearchQuery, get_backend
from search.backends.base import RebuildRunning
from search.backends.elasticsearch import ElasticsearchBackend
from search.checks import check_elasticsearch_url
from search.indexing import all_items
from search.models import SearchBacklog, SearchEntry, Synonym
from tests.catalogue.factories import product_for_sale
from tests.villages.factories import VillagePageFactory

# Listings and search read the index: it follows what these tests change.
pytestmark = pytest.mark.usefixtures("search_index")

DEAD_CLUSTER = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def dead_cluster(settings):
    settings.ELASTICSEARCH_URL = DEAD_CLUSTER
    return settings


@pytest.mark.django_db
def test_search_page_answers_from_the_database_and_logs_the_outage(
    client, sample, dead_cluster, caplog
):
    with caplog.at_level(logging.WARNING, logger="search"):
        response = client.get("/search/", {"q": "ao cham"})
    assert response.status_code == 200
    assert "<mark>Áo</mark> <mark>chàm</mark>" in response.content.decode()
    assert "Elasticsearch at http://127.0.0.1:9 is unavailable" in caplog.text


@pytest.mark.django_db
def test_autocomplete_answers_from_the_database(client, sample, dead_cluster):
    response = client.get("/search/suggest/", {"q": "dau h"})
    assert response.status_code == 200
    assert response.json()["suggestions"][0]["title"] == "Dầu hồi Văn Quan 100 ml"


@pytest.mark.django_db
def test_after_an_outage_the_cluster_is_left_alone_for_a_while(sample, dead_cluster):
    backend = get_backend()
    assert isinstance(backend, FallbackBackend)
    backend.search(SearchQuery("hoi", language="vi"))
    assert not backend._available()


@pytest.mark.django_db
def test_health_reports_the_search_outage_without_failing(client, home, dead_cluster):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["search"] == {
        "backend": "elasticsearch",
        "state": "unavailable, answering from the database",
    }


@pytest.mark.django_db
def test_health_reports_database_search(client, home):
    assert client.get("/health/").json()["search"] == {"backend": "database", "state": "ok"}


@pytest.mark.django_db
def test_publishing_and_selling_still_update_the_database_index(
    home, dead_cluster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        village = VillagePageFactory(title="Làng Đồng Đăng")
        product = product_for_sale(title="Áo chàm")
    assert SearchEntry.objects.filter(kind="village", object_id=str(village.pk)).exists()
    assert SearchEntry.objects.filter(kind="product", object_id=str(product.pk)).count() == 3


class Refusing:
    """A primary engine the cluster answers with a 400 (a request it will not take)."""

    name = "elasticsearch"
    url = "http://es.example:9200"

    def search(self, query):
        meta = ApiResponseMeta(
            status=400,
            http_version="1.1",
            headers=HttpHeaders(),
            duration=0.0,
            node=NodeConfig("http", "es.example", 9200),
        )
        raise BadRequestError(
            message="search_phase_execution_exception",
            meta=meta,
            body={"error": {"root_cause": [{"reason": "Result window is too large"}]}},
        )

    def health(self):
        raise AssertionError("a cluster known to be down is not asked")


@pytest.mark.django_db
def test_a_refused_request_falls_back_that_once_and_logs_the_reason(sample, caplog):
    backend = FallbackBackend(Refusing(), get_backend())
    with caplog.at_level(logging.ERROR, logger="search"):
        results = backend.search(SearchQuery("ao cham", language="vi"))
    assert results.hits[0].title == "Áo chàm thổ cẩm"
    assert "Result window is too large" in caplog.text
    assert backend._available()  # not an outage: the next request asks the cluster again


@pytest.mark.django_db
def test_health_answers_from_a_known_outage_without_asking(sample):
    backend = FallbackBackend(Refusing(), get_backend())
    backend._outage(ConnectionError("down"))
    assert backend.health()["state"] == "unavailable, answering from the database"


class Flaky:
    """A primary engine whose writes fail while `down`."""

    name = "elasticsearch"
    url = "http://es.example:9200"

    def __init__(self):
        self.down = True
        self.written = []

    def replace(self, kind, object_id, items):
        if self.down:
            raise ConnectionError("connection refused")
        self.written.append((kind, object_id, len(items)))


@pytest.mark.django_db
def test_a_write_the_cluster_missed_is_written_after_its_next_success(sample):
    primary = Flaky()
    backend = FallbackBackend(primary, get_backend())
    shirt, scarf = str(sample["ao_cham"].pk), str(sample["khan"].pk)
    backend.replace("product", shirt, [])
    assert list(SearchBacklog.objects.values_list("kind", "object_id")) == [("product", shirt)]
    FallbackBackend._down_until.clear()
    primary.down = False
    backend.replace("product", scarf, [])
    # The missed one is written as it is now (still for sale: three languages).
    assert primary.written == [("product", scarf, 0), ("product", shirt, 3)]
    assert not SearchBacklog.objects.exists()


def test_an_elasticsearch_url_without_scheme_or_port_fails_the_checks(settings):
    settings.ELASTICSEARCH_URL = "es.internal"
    [error] = check_elasticsearch_url(None)
    assert error.id == "search.E001"
    settings.ELASTICSEARCH_URL = "https://es.internal:9200"
    assert check_elasticsearch_url(None) == []


@pytest.mark.django_db
def test_a_synonym_term_without_letters_is_dropped_when_saved():
    synonym = Synonym.objects.create(terms="×, star anise , & ,hoa hồi")
    assert synonym.terms == "star anise, hoa hồi"


@pytest.mark.django_db
def test_a_rebuild_that_fails_lets_the_next_one_start(sample):
    engine = ElasticsearchBackend(DEAD_CLUSTER, alias="test-dead")
    with pytest.raises(SEARCH_ENGINE_ERRORS):
        engine.rebuild(all_items())
    cache.add("search:rebuild-lock:test-dead", "another", 60)
    with pytest.raises(RebuildRunning):
        engine.rebuild(all_items())
    cache.delete("search:rebuild-lock:test-dead")
