import pytest

from search.backends import FallbackBackend
from search.indexing import rebuild
from tests.search.factories import sample_site


@pytest.fixture(autouse=True)
def cluster_presumed_up():
    """Each test starts with no remembered Elasticsearch outage."""
    FallbackBackend._down_until.clear()
    yield
    FallbackBackend._down_until.clear()


@pytest.fixture
def sample(home):
    """The sample site, indexed."""
    made = sample_site()
    rebuild()
    return made
