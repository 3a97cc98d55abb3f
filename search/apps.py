from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Our search app in the place of Oscar's: label `search`, no haystack."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from .views import SearchView

        self.search_view = SearchView
