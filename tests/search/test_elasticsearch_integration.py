"""Every search behaviour against a real Elasticsearch cluster, when ELASTICSEARCH_URL names one.

Skipped otherwise (none runs on the development machines): run it with
`ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/pytest tests/search/test_elasticsearch_integration.py`.
"""

import uuid

from django.conf import settings

import pytest

from search.backends.elasticsearch import ElasticsearchBackend
from search.indexing import all_items
from tests.search.behaviour import SearchBehaviour

pytestmark = pytest.mark.skipif(
    not settings.ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to run the integration tests on",
)


class TestElasticsearchBackend(SearchBehaviour):
    @pytest.fixture
    def engine(self, sample):
        backend = ElasticsearchBackend(settings.ELASTICSEARCH_URL, alias=f"test-{uuid.uuid4().hex}")
        backend.rebuild(all_items())
        yield backend
        indices = backend.client.indices.get_alias(name=backend.alias)
        for index in indices:
            backend.client.indices.delete(index=index)

    def test_rebuild_moves_the_alias_to_a_new_index(self, engine):
        before = set(engine.client.indices.get_alias(name=engine.alias))
        engine.rebuild(all_items())
        after = set(engine.client.indices.get_alias(name=engine.alias))
        assert len(after) == 1
        assert before != after
        assert not any(engine.client.indices.exists(index=name) for name in before)

    def test_health_is_ok(self, engine):
        assert engine.health() == {"backend": "elasticsearch", "state": "ok"}
