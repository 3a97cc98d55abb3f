"""Site-wide views: the load balancer's health check (the database, the search engine, the cache)."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.backends import get_backend

from .caching import cache_health


@never_cache
def health(request):
    """For the load balancer: is this app server able to reach its database?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not healthy", reported, not raised
        database = "unavailable"
    status = 200 if database == "ok" else 503
    # Reported, not failed on: with Elasticsearch down, search answers from the database; with
    # Redis down, pages and sessions come from the database.
    return JsonResponse(
        {"database": database, "search": search_health(), "cache": cache_health()}, status=status
    )


def search_health():
    try:
        return get_backend().health()
    except Exception:  # noqa: BLE001 - a health check reports, it does not raise
        return {"state": "unavailable"}
