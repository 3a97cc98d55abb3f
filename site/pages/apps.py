from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")

    def ready(self):
        # The page cache subscribes to the change event; translations follow their source page.
        from . import cache, changes, prices, translations  # noqa: F401

        changes.connect()
        translations.connect()
        prices.connect()
