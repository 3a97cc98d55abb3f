"""The public progress page and the yearly report show the same numbers."""

import io
import re

from django.core.cache import cache
from django.utils import translation
from django.utils.formats import number_format

import pytest
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from plan.figures import VillageYear
from plan.importing import import_village_figures
from plan.indicators import indicator_table
from plan.models import PlanProgressPage
from tests.pages.factories import PageFactory, home_page, translate
from tests.plan.factories import VillageYearFactory
from tests.plan.test_import import GOOD, csv_sheet
from tests.plan.test_indicators import figures  # noqa: F401  (the hand-worked figures)
from tests.villages.factories import VillagePageFactory


class PlanProgressPageFactory(PageFactory):
    title = "Tiến độ kế hoạch"
    slug = "tien-do-ke-hoach"

    class Meta:
        model = PlanProgressPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return super()._create(model_class, *args, parent=home_page(), **kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en", "zh-hans"])
def test_progress_page_charts_each_indicator_with_its_table(client, figures, language):  # noqa: F811
    page = PlanProgressPageFactory()
    if language != "vi":
        page = translate(page, language, title=f"Progress ({language})")
    html = client.get(page.url).content.decode()
    assert html.count('<svg class="chart"') == 8  # every indicator but the per-district one
    assert html.count('<table class="data-table">') == 9
    assert ("66,7 %" if language == "vi" else "66.7 %") in html  # workers trained in 2025
    assert "Bắc Sơn: 2; Văn Quan: 1" in html


@pytest.mark.django_db
def test_report_for_2025_shows_the_same_numbers_as_the_progress_page(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    progress = client.get(page.url).content.decode()
    report = client.get(page.url + "bao-cao/2025/").content.decode()
    for indicator, values in indicator_table([2025]):
        if indicator.unit == "percent":
            with translation.override("vi"):
                shown = f"{number_format(values[2025])} %"
            assert shown in progress and shown in report, indicator.key
    workbook = load_workbook(
        io.BytesIO(client.get(page.url + "bao-cao/2025/", {"format": "xlsx"}).content)
    )
    sheet_values = {
        row[0]: row[1] for row in workbook.worksheets[0].iter_rows(min_row=3, values_only=True)
    }
    assert 66.7 in sheet_values.values()
    assert 10.0 in sheet_values.values()
    villages = [row[0] for row in workbook.worksheets[2].iter_rows(min_row=2, values_only=True)]
    assert villages == ["A", "B"]


@pytest.mark.django_db
def test_report_can_be_narrowed_to_one_former_district(client, figures):  # noqa: F811
    page = PlanProgressPageFactory()
    html = client.get(page.url + "bao-cao/2025/", {"district": "Văn Quan"}).content.decode()
    assert '<option value="Văn Quan" selected>' in html
    response = client.get(page.url + "bao-cao/2025/", {"district": "Văn Quan", "format": "xlsx"})
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="bao-cao-lang-nghe-2025-van-quan.xlsx"'
    )


@pytest.mark.django_db
def test_the_public_report_counts_only_public_villages_and_writes_names_as_text(client, home):
    page = PlanProgressPageFactory()
    shown = VillagePageFactory(title='=HYPERLINK("https://lua-dao.example","Bấm vào đây")')
    draft = VillagePageFactory(title="Làng chưa công bố")
    draft.unpublish()
    private = VillagePageFactory(title="Làng riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for village in (shown, draft, private):
        VillageYearFactory(village=village, year=2025, workers=10, workers_trained=10)

    report = client.get(page.url + "bao-cao/2025/").content.decode()
    workbook = load_workbook(
        io.BytesIO(client.get(page.url + "bao-cao/2025/", {"format": "xlsx"}).content)
    )

    assert "Làng chưa công bố" not in report and "Làng riêng tư" not in report
    names = [row[0] for row in workbook.worksheets[2].iter_rows(min_row=2)]
    assert [cell.value for cell in names] == [shown.title]
    assert names[0].data_type == "s", "a name is text, never a formula"
    assert VillageYear.objects.count() == 3, "the figures themselves are all kept"


@pytest.mark.django_db
def test_an_import_of_figures_shows_at_once_on_the_kept_progress_page_and_its_report(
    client, home, settings, search_index
):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    page = PlanProgressPageFactory()
    VillagePageFactory(title="Làng hương", slug="lang-huong")
    report = page.url + "bao-cao/2025/"
    VillageYearFactory(village=VillagePageFactory(title="Làng khác"), year=2025)
    before = client.get(page.url).content.decode(), client.get(report).content.decode()
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    assert import_village_figures(csv_sheet(GOOD), "so-lieu-2025.csv").ok

    after = client.get(page.url).content.decode(), client.get(report).content.decode()
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    fresh = client.get(page.url).content.decode(), client.get(report).content.decode()
    assert after != before
    assert _without_tokens(after) == _without_tokens(fresh), "as made with nothing kept"


def _without_tokens(pages):
    return [re.sub(r'value="[A-Za-z0-9]{64}"', "", page) for page in pages]
