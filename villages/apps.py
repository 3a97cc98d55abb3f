from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VillagesConfig(AppConfig):
    name = "villages"
    verbose_name = _("Villages and the Geopark")

    def ready(self):
        from pages.cache import keep_parameters

        from . import changes  # noqa: F401  (what a change of a page touches: the map)

        keep_parameters("layer", "month")  # the map's chosen layer, the festival calendar's month
