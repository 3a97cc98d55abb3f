from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProducersConfig(AppConfig):
    name = "producers"
    verbose_name = _("Producer’s space")

    def ready(self):
        from . import receivers  # noqa: F401  (alerts to producers)
