from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .figures import CraftYear, ReportHeader, VillageYear
from .views import import_figures


class VillageYearViewSet(SnippetViewSet):
    model = VillageYear
    icon = "table"
    list_display = [
        "village",
        "year",
        "workers",
        "workers_trained",
        "production_value",
        "recognised",
    ]
    list_filter = ["year", "recognised", "linked_to_tourism"]
    ordering = ["-year", "village__title"]


class CraftYearViewSet(SnippetViewSet):
    model = CraftYear
    icon = "table"
    list_display = [
        "craft",
        "former_district",
        "year",
        "restored",
        "recognised",
        "commodity_production",
    ]
    list_filter = ["year", "former_district", "restored", "recognised"]
    ordering = ["-year", "former_district"]


class ReportHeaderViewSet(SnippetViewSet):
    """The issuing body, number, date and signer printed at the top of each year's report."""

    model = ReportHeader
    icon = "doc-full"
    list_display = ["year", "document_number", "issued_on", "signer_name"]


class PlanFiguresGroup(SnippetViewSetGroup):
    items = (VillageYearViewSet, CraftYearViewSet, ReportHeaderViewSet)
    menu_label = _("Plan figures")
    menu_icon = "table"
    menu_name = "plan-figures"


register_snippet(PlanFiguresGroup)


@hooks.register("register_admin_urls")
def plan_admin_urls():
    return [path("plan/import/", import_figures, name="plan_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("plan.add_villageyear")


@hooks.register("register_admin_menu_item")
def plan_import_menu_item():
    return ImportMenuItem(
        _("Import plan figures"), reverse("plan_import"), icon_name="upload", order=900
    )
