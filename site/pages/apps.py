from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")

    def ready(self):
        from . import cache  # noqa: F401  (the page cache subscribes to the change event)
        from .changes import connect

        connect()
