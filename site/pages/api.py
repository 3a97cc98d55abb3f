"""Wagtail's API v2 for partners and apps: pages (villages, Geopark sites, events…), images."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Far more than the site will ever list; a larger offset is a mistake or a probe.
MAX_OFFSET = 100_000


class BoundedPagination(WagtailPagination):
    """Wagtail's paging, with an offset no database overflows on: larger ones answer 400."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PagesEndpoint(PagesAPIViewSet):
    pagination_class = BoundedPagination


class ImagesEndpoint(ImagesAPIViewSet):
    pagination_class = BoundedPagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
