import pytest
from wagtail.models import Locale

from search.backends import FallbackBackend
from search.indexing import rebuild
from tests.conftest import built_once_per_module
from tests.pages.factories import home_page
from tests.search.factories import sample_site


@pytest.fixture(autouse=True)
def cluster_presumed_up():
    """Each test starts with no remembered Elasticsearch outage."""
    FallbackBackend._down_until.clear()
    yield
    FallbackBackend._down_until.clear()


def _indexed_sample():
    for code in ("vi", "en", "zh-hans"):
        Locale.objects.get_or_create(language_code=code)
    home_page()
    made = sample_site()
    rebuild()
    return made


# The sample site, indexed: built once per module (about 3 s), each test's changes undone after it.
sample = built_once_per_module(_indexed_sample)
