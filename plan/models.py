"""The plan's public progress page; the yearly figures it is computed from are in figures.py."""

from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from pages.base import BasePage

from .charts import bar_chart
from .figures import PLAN_START, VillageYear
from .figures import CraftYear as CraftYear  # every model of the app is importable from here
from .indicators import against_targets, indicator_table
from .reports import report_context, report_pdf, report_xlsx, report_years


class PlanProgressPage(RoutablePageMixin, BasePage):
    """The public progress of plan 244/KH-UBND ("Tiến độ kế hoạch") and its yearly report."""

    max_count_per_parent = 1
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    # Its figures are imported apart from the page; an import changes the page (plan/changes.py).

    class Meta:
        verbose_name = _("plan progress page")

    def years(self):
        last = VillageYear.objects.order_by("-year").values_list("year", flat=True).first()
        return list(range(PLAN_START, (last or PLAN_START) + 1))

    def get_context(self, request, *args, **kwargs):
        # Read only when the page's shared part is made (base.html): the template calls these
        # (report_years twice, so it is read once).
        context = super().get_context(request, *args, **kwargs)
        context.update(rows=self.indicator_rows, report_years=SimpleLazyObject(report_years))
        return context

    def indicator_rows(self):
        """Each indicator with its yearly values, its chart and how it stands against its targets."""
        years = self.years()
        rows = []
        for indicator, values in indicator_table(years):
            chart = (
                bar_chart(values, indicator.targets, indicator.unit)
                if indicator.unit != "per_district"
                else None
            )
            latest = [value for value in values.values() if value is not None]
            status = (
                against_targets(indicator, latest[-1], years[-1])
                if latest and indicator.unit != "per_district"
                else None
            )
            rows.append(
                {"indicator": indicator, "values": values, "chart": chart, "status": status}
            )
        return rows

    @path("bao-cao/<int:year>/", name="report")
    def report(self, request, year):
        if year not in report_years():
            raise Http404("No figures for this year")  # not a report of zeros
        district = request.GET.get("district", "")
        if request.GET.get("format") == "xlsx":
            return report_xlsx(year, district)
        if request.GET.get("format") == "pdf":
            return report_pdf(year, district, request)
        return self.render(
            request,
            template="plan/plan_report.html",
            context_overrides=report_context(year, district),
        )
