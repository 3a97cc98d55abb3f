from django.urls import path

from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Our search app in the place of Oscar's: label `search`, no haystack."""

    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from pages.cache import keep_parameters

        from . import adapters, checks, signals  # noqa: F401  (kinds, checks, the subscriber)
        from .registry import all_facets
        from .views import SearchView, SuggestView

        # What the search page, the listings and the suggestions read from the query string.
        keep_parameters("q", "kind", "sort", "page", *all_facets())

        self.search_view = SearchView
        self.suggest_view = SuggestView

    def get_urls(self):
        urls = [
            path("", self.search_view.as_view(), name="search"),
            path("suggest/", self.suggest_view.as_view(), name="suggest"),
        ]
        return self.post_process_urls(urls)
