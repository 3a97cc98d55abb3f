from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_menu_item")
def staff_area_menu_item():
    """Back to the staff entry point, which also leads to the shop's dashboard."""
    return MenuItem(_("Staff area"), reverse("staff:index"), icon_name="home", order=50)
