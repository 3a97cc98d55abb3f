from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from .audit import register

        register()
