"""Finding the page an address names in two queries instead of two per level.

Wagtail walks the tree from the site's root, one query for each child and one more for its
specific page: five for a tour (/tuyen-du-lich/nua-ngay-dong-dang/), before the page is made. The
pages on the way are found here at once by their `url_path` (each level's address), then the one
answering is read as its own type, with its locale. A page type that routes its own sub-addresses (a routable
page: a tour's printable itinerary) is handed the rest of the path, as Wagtail would hand it.
"""

from django.http import Http404

from wagtail.models import Page
from wagtail.url_routing import RouteResult


def routes_own_paths(page_class):
    """Whether this page type answers addresses below it itself (Wagtail's `route` overridden)."""
    return page_class is not None and page_class.route is not Page.route


def route_below(root, request, path_components):
    """What Wagtail's `Page.route` returns for `path_components` below `root`, or Http404."""
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in path_components[: depth + 1])
        for depth in range(len(path_components))
    ]
    on_the_way = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth
        )
    }
    page = root
    for depth, prefix in enumerate(prefixes):
        child = on_the_way.get(prefix)
        if child is None or child.depth != root.depth + depth + 1:
            raise Http404
        child._cached_parent_obj = page  # as Wagtail keeps it: breadcrumbs need no query
        page = child
        if routes_own_paths(page.specific_class):
            return _as_its_type(page).route(request, path_components[depth + 1 :])
    if not page.live:
        raise Http404
    return RouteResult(_as_its_type(page))


def _as_its_type(page):
    """The page with its own type's fields and its language (which most pages read): one query."""
    if page.specific_class is None:  # a page type since removed from the code
        return page
    specific = page.specific_class._default_manager.select_related("locale").get(pk=page.pk)
    specific._cached_parent_obj = page._cached_parent_obj
    return specific
