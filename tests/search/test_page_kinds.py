"""The one search box finds showrooms, crafts, craftspeople and craft experiences too."""

import pytest

from search.backends import SearchQuery, get_backend
from tests.tours.factories import ExperiencePageFactory
from tests.villages.factories import (
    CraftPageFactory,
    CraftspersonPageFactory,
    ShowroomPageFactory,
    VillagePageFactory,
)

# Listings and search read the index: it follows what these tests change.
pytestmark = pytest.mark.usefixtures("search_index")


def found(query, **options):
    results = get_backend().search(SearchQuery(query, language="vi", **options))
    return [(hit.kind, hit.title) for hit in results.hits]


@pytest.mark.django_db
def test_showroom_is_found_by_its_name_and_address(home):
    ShowroomPageFactory(title="Điểm bán Chợ Kỳ Lừa", address="Chợ Kỳ Lừa, phường Đông Kinh")
    assert found("ky lua") == [("showroom", "Điểm bán Chợ Kỳ Lừa")]
    assert found("dong kinh") == [("showroom", "Điểm bán Chợ Kỳ Lừa")]


@pytest.mark.django_db
def test_craft_is_found_and_narrowed_by_its_state(home):
    CraftPageFactory(title="Nghề rèn", status="thriving")
    CraftPageFactory(title="Nghề làm giấy bản", status="at_risk")
    assert found("nghe ren") == [("craft", "Nghề rèn")]
    at_risk = get_backend().search(
        SearchQuery("nghe", language="vi", kind="craft", filters={"craft_status": ["at_risk"]})
    )
    assert [hit.title for hit in at_risk.hits] == ["Nghề làm giấy bản"]


@pytest.mark.django_db
def test_craftsperson_is_found_by_name_craft_and_village(home):
    village = VillagePageFactory(title="Làng rèn Hữu Lũng", slug="lang-ren-huu-lung")
    smithing = CraftPageFactory(title="Nghề rèn")
    CraftspersonPageFactory(title="Nghệ nhân Hoàng Văn Páo", parent=village, craft=smithing)
    assert ("craftsperson", "Nghệ nhân Hoàng Văn Páo") in found("hoang van pao")
    by_village = found("huu lung", kind="craftsperson")
    assert by_village == [("craftsperson", "Nghệ nhân Hoàng Văn Páo")]
    by_craft = get_backend().search(
        SearchQuery(language="vi", kind="craftsperson", filters={"craft": ["Nghề rèn"]})
    )
    assert by_craft.total == 1


@pytest.mark.django_db
def test_unpublished_craftsperson_is_not_found(home):
    person = CraftspersonPageFactory(title="Nghệ nhân Lý Thị Mai")
    person.unpublish()
    assert found("ly thi mai") == []


@pytest.mark.django_db
def test_experience_is_found_with_its_price_and_village(home):
    village = VillagePageFactory(title="Làng hương Nà Phiêng", slug="lang-huong-na-phieng-2")
    ExperiencePageFactory(title="Se hương cùng nghệ nhân", village=village, price=250000)
    hits = get_backend().search(SearchQuery("se huong", language="vi", kind="experience")).hits
    assert [(hit.title, hit.price) for hit in hits] == [("Se hương cùng nghệ nhân", 250000)]
    assert ("experience", "Se hương cùng nghệ nhân") in found("na phieng")
