"""The yearly report an official can sign: targets, money, years, header, charts, workbook."""

import datetime
import io
import re

from django.utils import translation
from django.utils.translation import gettext as _

import pytest
from openpyxl import load_workbook

from plan.charts import bar_chart
from plan.figures import ReportHeader
from plan.indicators import target_status
from plan.reports import report_document
from tests.plan.test_indicators import figures  # noqa: F401  (the hand-worked figures)
from tests.plan.test_progress_page import PlanProgressPageFactory


def cells(html):
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    ]


@pytest.mark.django_db
def test_report_shows_no_lone_percent_sign_where_the_plan_sets_no_target(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    html = client.get(page.url + "bao-cao/2025/").content.decode()
    assert "%" not in cells(html)
    with translation.override("vi"):
        assert _("no target") in html  # share effective: a 2030 target only


@pytest.mark.django_db
def test_report_writes_money_the_vietnamese_way(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    html = client.get(page.url + "bao-cao/2025/").content.decode()
    assert re.search(r"\d{1,3}(\.\d{3})+\s₫", html.replace("\xa0", " ")), "e.g. 1.088.000.000 ₫"
    assert not re.search(r">\d{7,}<", html)


@pytest.mark.django_db
def test_report_says_whether_each_target_is_met(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    html = client.get(page.url + "bao-cao/2025/").content.decode()
    with translation.override("vi"):
        assert f'report-status--met">{_("met")}<' in html
        assert f'report-status--not_yet">{_("not yet met")}<' in html  # 2030, not reached in 2025


def test_target_status_is_met_not_yet_or_missed():
    assert target_status(60, 50, 2025, 2030) == "met"
    assert target_status(40, 50, 2025, 2030) == "not_yet"
    assert target_status(40, 50, 2030, 2030) == "missed"
    assert target_status(None, 50, 2025, 2030) is None
    assert target_status(40, None, 2025, 2030) is None


@pytest.mark.django_db
def test_years_without_figures_have_no_report(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    assert client.get(page.url + "bao-cao/1999/").status_code == 404
    assert client.get(page.url + "bao-cao/2026/").status_code == 404
    html = client.get(page.url + "bao-cao/2025/").content.decode()
    picker = re.search(r'<ul class="report-years">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r">(\d{4})</a>", picker) == ["2021", "2025"]


@pytest.mark.django_db
def test_report_prints_the_official_header_editors_fill_in(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    ReportHeader.objects.create(
        year=2025,
        issuing_body="UBND TỈNH LẠNG SƠN\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        document_number="25/BC-SNNMT",
        issued_on=datetime.date(2026, 1, 5),
        signer_title="Giám đốc",
        signer_name="Nguyễn Văn A",
    )
    html = client.get(page.url + "bao-cao/2025/").content.decode()
    assert "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" in html
    with translation.override("vi"):
        number = _("No. %(number)s") % {"number": "25/BC-SNNMT"}
        date = _("%(place)s, %(day)s/%(month)s/%(year)s") % {
            "place": "Lạng Sơn",
            "day": 5,
            "month": 1,
            "year": 2026,
        }
    assert number in html and date in html
    assert "Nguyễn Văn A" in html
    assert "data-print" in html and "plan/report.css" in html
    other = client.get(page.url + "bao-cao/2021/").content.decode()
    assert "25/BC-SNNMT" not in other, "the header belongs to its year"
    sheet = load_workbook(
        io.BytesIO(client.get(page.url + "bao-cao/2025/", {"format": "xlsx"}).content)
    ).worksheets[0]
    column_a = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert number in column_a and "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" in column_a


@pytest.mark.django_db
def test_workbook_has_number_formats_widths_and_full_names(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    book = load_workbook(
        io.BytesIO(client.get(page.url + "bao-cao/2025/", {"format": "xlsx"}).content)
    )
    indicators, districts, villages = book.worksheets
    names = [row[0].value for row in indicators.iter_rows(min_row=3)]
    assert max(len(name) for name in names) > 40, "full names, nothing cut"
    assert indicators.column_dimensions["A"].width >= 40
    percent = [row[1] for row in indicators.iter_rows(min_row=3) if "%" in (row[0].value or "")]
    assert percent and all(cell.number_format == '0.0" %"' for cell in percent)
    money = [row[5] for row in villages.iter_rows(min_row=2)]
    assert money and all(cell.number_format == '#,##0" ₫"' for cell in money)
    assert villages.column_dimensions["A"].width != 18


def test_chart_has_a_scale_and_labels_each_bar_with_its_value():
    with translation.override("vi"):
        chart = bar_chart({2021: 40.0, 2025: 66.7}, {2030: 100}, "percent")
    assert [tick.label for tick in chart["ticks"]] == [
        "0 %",
        "20 %",
        "40 %",
        "60 %",
        "80 %",
        "100 %",
    ]
    assert chart["ticks"][0].y == chart["baseline"]
    assert chart["ticks"][-1].y == chart["top"]
    assert [bar.value_label for bar in chart["bars"]] == ["40 %", "66,7 %"]
    assert chart["targets"][0].value == "100 %"


@pytest.mark.django_db
def test_progress_page_draws_axes_values_and_target_status(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    html = client.get(page.url).content.decode()
    assert html.count('class="chart__tick"') >= 8 * 3
    assert 'class="chart__value">66,7 %<' in html
    assert "indicator__status" in html


@pytest.mark.django_db
def test_report_as_pdf_has_the_same_figures_as_the_page_and_the_workbook(client, figures):  # noqa: F811
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # WeasyPrint lays text out with Debian's Pango (libpango-1.0-0)
        pytest.skip(f"no PDF without Pango: {error}")
    page = PlanProgressPageFactory()
    response = client.get(page.url + "bao-cao/2025/", {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # The text WeasyPrint laid out on the PDF's pages, read back from its boxes.
    document = report_document(2025)
    words = [
        box.text
        for pdf_page in document.pages
        for box in pdf_page._page_box.descendants()
        if getattr(box, "text", None)
    ]
    text = " ".join(" ".join(words).split())
    html = client.get(page.url + "bao-cao/2025/").content.decode()
    book = load_workbook(
        io.BytesIO(client.get(page.url + "bao-cao/2025/", {"format": "xlsx"}).content)
    )
    for row in book.worksheets[2].iter_rows(min_row=2, values_only=True):
        assert row[0] in text and row[0] in html  # every village
    for value in re.findall(r'<td class="number">([^<]+)</td>', html):
        assert " ".join(value.split()) in text, value
