"""Start-up and deployment checks of the search settings."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility, deploy=False)
def check_elasticsearch_url(app_configs, **kwargs):
    """An ELASTICSEARCH_URL the client cannot use fails every search request with a 500: say so
    at start-up (and in `check --deploy`) instead."""
    url = settings.ELASTICSEARCH_URL
    if not url:
        return []
    from elasticsearch import Elasticsearch

    try:
        Elasticsearch(url).close()
    except ValueError as error:
        return [
            checks.Error(
                f"ELASTICSEARCH_URL cannot be used: {error}",
                hint="Give the scheme, host and port, e.g. https://user:password@es.internal:9200.",
                id="search.E001",
            )
        ]
    return []
