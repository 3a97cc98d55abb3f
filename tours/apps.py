from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToursConfig(AppConfig):
    name = "tours"
    verbose_name = _("Tours and experiences")

    def ready(self):
        from oscar.core.loading import get_model
        from wagtail.signals import page_published

        from pages.cache import keep_parameters

        from .booking import on_page_published, ticket_page_url

        # Publishing an experience page puts its sessions on sale (one ticket product each).
        page_published.connect(on_page_published, dispatch_uid="tours-sync-session-products")
        # Tickets are not listed in the shop: a ticket's address is its workshop's page.
        get_model("catalogue", "Product").add_page_finder(ticket_page_url)
        # A placed order's ticket lines become bookings with their party (tours/tickets.py).
        from oscar.apps.order.signals import order_placed

        from .tickets import on_order_placed

        order_placed.connect(on_order_placed, dispatch_uid="tours-create-bookings")
        keep_parameters("length", "theme", "season", "start")  # the tour list's filters
        from . import changes  # noqa: F401  (a tour shows on the product pages along its way)
