"""The database backend (the default) against every search behaviour, on SQLite or PostgreSQL."""

import pytest

from search.backends.database import DatabaseBackend
from tests.search.behaviour import SearchBehaviour


class TestDatabaseBackend(SearchBehaviour):
    @pytest.fixture
    def engine(self, sample):
        return DatabaseBackend()
