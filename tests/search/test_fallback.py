"""With Elasticsearch unreachable the site keeps working: search answers from the database."""

import logging

import pytest

from search.backends import FallbackBackend, SearchQuery, get_backend
from search.models import SearchEntry
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
