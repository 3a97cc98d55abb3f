"""The yearly report to the agriculture department: indicators, a table per former district and
the list of villages with their status — on screen (printable) and as an XLSX workbook."""

import io

from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.utils.translation import gettext as _

from pages.text import slugify

from .figures import ReportHeader, VillageYear
from .indicators import INDICATORS, against_targets, commodity_crafts_per_district


def report_years():
    """The years with figures the public may see, in order: the only years a report exists for."""
    return sorted(set(VillageYear.objects.public().values_list("year", flat=True)))


def report_context(year, district=""):
    figures = (
        VillageYear.objects.public()
        .filter(year=year)
        .select_related("village")
        .order_by("village__title")
    )
    if district:
        figures = figures.filter(village__former_district=district)
    indicators = []
    for indicator in INDICATORS:
        if indicator.unit == "per_district":
            continue
        value = indicator.value(year)
        indicators.append(
            {
                "indicator": indicator,
                "value": value,
                "targets": against_targets(indicator, value, year),
            }
        )
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
    header = ReportHeader.objects.filter(year=year).first()
    return {
        "year": year,
        "district": district,
        "indicators": indicators,
        "district_rows": district_rows,
        "villages": figures,
        "all_districts": sorted({row["district"] for row in district_rows} | set(commodity)),
        "header": header,
        "header_date": header_date(header) if header and header.issued_on else "",
        "report_years": report_years(),
    }


def header_date(header):
    """ "Lạng Sơn, ngày 5 tháng 1 năm 2026", as an official document is dated."""
    day = header.issued_on
    return _("%(place)s, %(day)s/%(month)s/%(year)s") % {
        "place": header.place,
        "day": day.day,
        "month": day.month,
        "year": day.year,
    }


def yes_no(value):
    return _("yes") if value else _("no")


COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = '0.0" %"'
VND_FORMAT = '#,##0" ₫"'


def _fit_columns(worksheet, first_row=1, widest=60):
    """Each column as wide as its longest cell (in characters), long text wrapped beyond `widest`."""
    from openpyxl.styles import Alignment

    for column in worksheet.iter_cols(min_row=first_row):
        longest = max(
            (len(str(cell.value)) for cell in column if cell.value is not None), default=8
        )
        worksheet.column_dimensions[column[0].column_letter].width = min(
            max(longest + 2, 10), widest
        )
        if longest > widest:
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def report_xlsx(year, district=""):
    # Not a circle: openpyxl takes about 0.2 s to import, paid only when a workbook is asked for.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    context = report_context(year, district)
    book = Workbook()
    bold = Font(bold=True)

    sheet = book.active
    sheet.title = _("Indicators")[:31]
    header = context["header"]
    if header:
        for line in header.issuing_lines():
            sheet.append([line])
        if header.document_number:
            sheet.append([_("No. %(number)s") % {"number": header.document_number}])
        if header.issued_on:
            sheet.append([header_date(header)])
    sheet.append([_("Yearly report of plan 244/KH-UBND, year %(year)s") % {"year": year}])
    title_row = sheet.max_row
    sheet.cell(title_row, 1).font = bold
    sheet.append(
        [
            _("Indicator"),
            str(year),
            _("Target 2025"),
            _("Against the 2025 target"),
            _("Target 2030"),
            _("Against the 2030 target"),
        ]
    )
    heading_row = sheet.max_row
    for row in context["indicators"]:
        number_format = PERCENT_FORMAT if row["indicator"].unit == "percent" else COUNT_FORMAT
        cells = [str(row["indicator"].label), row["value"]]
        for target in row["targets"]:
            cells += [target["target"], str(target["status_label"])]
        sheet.append(cells)
        for column in (2, 3, 5):
            sheet.cell(sheet.max_row, column).number_format = number_format

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
        for column in (2, 3, 4, 5, 7):
            districts.cell(districts.max_row, column).number_format = COUNT_FORMAT
        districts.cell(districts.max_row, 6).number_format = VND_FORMAT

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
        for column in (3, 4, 5):
            villages.cell(villages.max_row, column).number_format = COUNT_FORMAT
        villages.cell(villages.max_row, 6).number_format = VND_FORMAT
    for worksheet in book.worksheets:
        for row in worksheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    # A name typed as "=HYPERLINK(…)" is text to us, never a formula to run.
                    cell.data_type = "s"
        first = heading_row if worksheet is sheet else 1
        for cell in worksheet[first]:
            cell.font = bold
        worksheet.freeze_panes = worksheet.cell(first + 1, 1)
        _fit_columns(worksheet, first_row=first)

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


def report_document(year, district="", request=None):
    """The report laid out on A4 pages by WeasyPrint, from the page's own templates."""
    # Not a circle: WeasyPrint loads Pango when imported, paid only when a PDF is asked for.
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string

    from weasyprint import HTML

    with open(finders.find("plan/report.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    html = render_to_string(
        "plan/plan_report_pdf.html",
        {**report_context(year, district), "stylesheet": css},
        request=request,
    )
    return HTML(string=html).render()


def report_pdf(year, district="", request=None):
    """The report as a PDF drawn on the server: the same figures as the page and the XLSX."""
    document = report_document(year, district, request)
    suffix = f"-{slugify(district)}" if district else ""
    response = HttpResponse(document.write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bao-cao-lang-nghe-{year}{suffix}.pdf"'
    return response
