"""The yearly report to the agriculture department: indicators, a table per former district and
the list of villages with their status — on screen (printable) and as an XLSX workbook."""

import io

from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.utils.translation import gettext as _

from pages.text import slugify

from .figures import VillageYear
from .indicators import INDICATORS, commodity_crafts_per_district


def report_context(year, district=""):
    figures = (
        VillageYear.objects.public()
        .filter(year=year)
        .select_related("village")
        .order_by("village__title")
    )
    if district:
        figures = figures.filter(village__former_district=district)
    indicators = [
        {"indicator": indicator, "value": indicator.value(year), "targets": indicator.targets}
        for indicator in INDICATORS
        if indicator.unit != "per_district"
    ]
    commodity = commodity_crafts_per_district(year)
    districts = (
        VillageYear.objects.public()
        .filter(year=year)
        .values("village__former_district")
        .annotate(
            villages=Count("pk"),
            recognised=Count("pk", filter=Q(recognised=True)),
            workers=Sum("workers"),
            trained=Sum("workers_trained"),
            production_value=Sum("production_value"),
        )
        .order_by("village__former_district")
    )
    district_rows = [
        {
            **row,
            "district": row["village__former_district"],
            "commodity_crafts": commodity.get(row["village__former_district"], 0),
        }
        for row in districts
        if not district or row["village__former_district"] == district
    ]
    return {
        "year": year,
        "district": district,
        "indicators": indicators,
        "district_rows": district_rows,
        "villages": figures,
        "all_districts": sorted({row["district"] for row in district_rows} | set(commodity)),
    }


def yes_no(value):
    return _("yes") if value else _("no")


def report_xlsx(year, district=""):
    # Not a circle: openpyxl takes about 0.2 s to import, paid only when a workbook is asked for.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    context = report_context(year, district)
    book = Workbook()
    bold = Font(bold=True)

    sheet = book.active
    sheet.title = _("Indicators")[:31]
    sheet.append([_("Yearly report of plan 244/KH-UBND, year %(year)s") % {"year": year}])
    sheet["A1"].font = bold
    sheet.append([_("Indicator"), str(year), _("Target 2025"), _("Target 2030")])
    for row in context["indicators"]:
        targets = row["targets"]
        sheet.append(
            [str(row["indicator"].label), row["value"], targets.get(2025), targets.get(2030)]
        )

    districts = book.create_sheet(_("Districts")[:31])
    districts.append(
        [
            _("Former district"),
            _("Villages"),
            _("Recognised"),
            _("Workers"),
            _("Workers trained"),
            _("Production value (VND)"),
            _("Crafts produced as commodities"),
        ]
    )
    for row in context["district_rows"]:
        districts.append(
            [
                row["district"],
                row["villages"],
                row["recognised"],
                row["workers"],
                row["trained"],
                row["production_value"],
                row["commodity_crafts"],
            ]
        )

    villages = book.create_sheet(_("Villages")[:31])
    villages.append(
        [
            _("Village"),
            _("Former district"),
            _("Households"),
            _("Workers"),
            _("Workers trained"),
            _("Production value (VND)"),
            _("Recognised"),
            _("Working effectively"),
            _("Protected trademark"),
            _("Meets environmental rules"),
            _("Linked to tourism"),
        ]
    )
    for figures in context["villages"]:
        villages.append(
            [
                figures.village.title,
                figures.village.former_district,
                figures.households,
                figures.workers,
                figures.workers_trained,
                figures.production_value,
                yes_no(figures.recognised),
                yes_no(figures.working_effectively),
                yes_no(figures.trademark_protected),
                yes_no(figures.environment_compliant),
                yes_no(figures.linked_to_tourism),
            ]
        )
    for worksheet in book.worksheets:
        for row in worksheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    # A name typed as "=HYPERLINK(…)" is text to us, never a formula to run.
                    cell.data_type = "s"
        for cell in worksheet[2 if worksheet is sheet else 1]:
            cell.font = bold
        for column in worksheet.columns:
            worksheet.column_dimensions[column[0].column_letter].width = 18

    buffer = io.BytesIO()
    book.save(buffer)
    suffix = f"-{slugify(district)}" if district else ""
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-lang-nghe-{year}{suffix}.xlsx"'
    )
    return response
