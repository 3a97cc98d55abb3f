"""A sheet of yearly figures imports whole or not at all, and says which rows are wrong."""

import io

import pytest
from openpyxl import Workbook

from plan.importing import COLUMNS, import_village_figures
from plan.models import VillageYear
from tests.villages.factories import VillagePageFactory

GOOD = ["lang-huong", "2025", "60", "140", "100", "3200000000", "1", "có", "x", "yes", "0"]


def csv_sheet(*rows):
    lines = [",".join(COLUMNS)] + [",".join(row) for row in rows]
    return io.BytesIO("\n".join(lines).encode("utf-8-sig"))


@pytest.fixture
def village(home):
    return VillagePageFactory(title="Làng hương", slug="lang-huong")


@pytest.mark.django_db
def test_a_good_sheet_is_imported_and_a_second_import_updates_it(village):
    result = import_village_figures(csv_sheet(GOOD), "so-lieu-2025.csv")
    assert result.ok and result.saved == 1
    figures = VillageYear.objects.get(village=village, year=2025)
    assert (figures.workers, figures.workers_trained, figures.production_value) == (
        140,
        100,
        3_200_000_000,
    )
    assert figures.recognised and figures.working_effectively and figures.trademark_protected
    assert not figures.linked_to_tourism
    changed = GOOD.copy()
    changed[4] = "120"
    assert import_village_figures(csv_sheet(changed), "so-lieu-2025.csv").ok
    assert VillageYear.objects.get(village=village, year=2025).workers_trained == 120
    assert VillageYear.objects.count() == 1


@pytest.mark.django_db
def test_one_bad_row_imports_nothing_and_is_named(village):
    other = VillagePageFactory(title="Làng ngói", slug="lang-ngoi")
    bad = GOOD.copy()
    bad[0], bad[4] = other.slug, "999"  # more trained than workers
    unknown = GOOD.copy()
    unknown[0], unknown[1] = "khong-co-lang-nay", "2024"
    result = import_village_figures(csv_sheet(GOOD, bad, unknown), "so-lieu.csv")
    assert not result.ok
    assert [number for number, _messages in result.errors] == [3, 4]
    assert "workers_trained" in result.errors[0][1][0]
    assert "khong-co-lang-nay" in result.errors[1][1][0]
    assert VillageYear.objects.count() == 0


@pytest.mark.django_db
def test_an_xlsx_sheet_is_read_too(village):
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append(
        [
            value if index in (0,) else (int(value) if value.isdigit() else value)
            for index, value in enumerate(GOOD)
        ]
    )
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    result = import_village_figures(upload, "so-lieu.xlsx")
    assert result.ok, result.errors
    assert VillageYear.objects.get(village=village).households == 60


@pytest.mark.django_db
def test_a_sheet_without_the_expected_columns_says_which_are_missing(village):
    sheet = io.BytesIO(b"village,year\nlang-huong,2025\n")
    result = import_village_figures(sheet, "thieu-cot.csv")
    assert not result.ok
    assert "workers" in result.errors[0][1][0]


@pytest.mark.django_db
def test_staff_upload_in_the_admin_lists_the_wrong_rows(client, village):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    admin = get_user_model().objects.create_superuser("quantri", "quantri@langnghe.example", "x")
    client.force_login(admin)
    bad = GOOD.copy()
    bad[3] = "nhiều"
    sheet = csv_sheet(GOOD, bad).getvalue()
    response = client.post(
        "/admin/plan/import/",
        {"kind": "villages", "sheet": SimpleUploadedFile("so-lieu.csv", sheet)},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Row 3" in html or "Dòng 3" in html
    assert VillageYear.objects.count() == 0


@pytest.mark.django_db
def test_the_import_page_is_for_staff_with_the_right_permission(client, village):
    from django.contrib.auth import get_user_model

    visitor = get_user_model().objects.create_user(
        "khach", "khach@langnghe.example", "x", is_staff=True
    )
    client.force_login(visitor)
    assert client.get("/admin/plan/import/").status_code in (302, 403)


@pytest.mark.django_db
def test_craft_figures_import_the_same_way(home):
    from plan.importing import CRAFT_COLUMNS, import_craft_figures
    from plan.models import CraftYear
    from tests.villages.factories import CraftPageFactory

    CraftPageFactory(title="Làm hương", slug="lam-huong")
    header = ",".join(CRAFT_COLUMNS)
    good = "lam-huong,Tràng Định,2024,0,1,1,1,123/QĐ-UBND,2024"
    no_decision_year = "lam-huong,Văn Quan,2024,0,0,1,1,,"
    sheet = io.BytesIO(f"{header}\n{good}\n{no_decision_year}\n".encode())
    result = import_craft_figures(sheet, "nghe.csv")
    assert [number for number, _messages in result.errors] == [3]
    assert CraftYear.objects.count() == 0
    assert import_craft_figures(io.BytesIO(f"{header}\n{good}\n".encode()), "nghe.csv").ok
    figures = CraftYear.objects.get()
    assert figures.restored and figures.recognised and figures.decision_year == 2024
