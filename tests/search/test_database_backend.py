"""The database backend (the default) against every search behaviour, on SQLite or PostgreSQL."""

import pytest

from search.backends.database import DatabaseBackend
from search.indexing import all_items
from tests.search.behaviour import SearchBehaviour, search, titles
from tests.search.factories import product


class TestDatabaseBackend(SearchBehaviour):
    @pytest.fixture
    def engine(self, sample):
        return DatabaseBackend()

    # The database matches a word inside a longer one (`phiemg` in `PHIEMG01`), which
    # Elasticsearch's tokens do not: this ranking is the database's alone.
    def test_words_as_typed_rank_above_corrected_ones(self, engine, sample):
        # A lot code typed exactly beats the village name it is a typo of.
        product("Nhang vòng", "Hương", upc="PHIEMG01")
        engine.rebuild(all_items())
        found = titles(search(engine, "phiemg", language="vi"))
        assert found[0] == "Nhang vòng"
        assert "Hương trầm Nà Phiêng" in found
