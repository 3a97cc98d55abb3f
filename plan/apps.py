from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = _("The plan's targets")

    def ready(self):
        from pages.cache import keep_parameters

        keep_parameters("district", "format")  # the yearly report's district and its workbook
        from . import changes  # noqa: F401  (an import of figures changes the progress page)
