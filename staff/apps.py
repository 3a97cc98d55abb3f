from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class StaffConfig(AppConfig):
    default = True
    name = "staff"
    verbose_name = _("Staff")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from .audit import register

        register()


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with user forms whose password check counts the roles being given."""

    user_viewset = "staff.users.UserViewSet"
