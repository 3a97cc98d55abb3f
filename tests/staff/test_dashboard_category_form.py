"""Shop editors name categories in English and Chinese in Oscar's dashboard."""

from django.forms import CharField, Form
from django.template.loader import render_to_string
from django.utils import translation

import pytest

from tests.catalogue.factories import CategoryFactory
from tests.staff.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese_afterwards():
    """A request under /en/ leaves English active in this thread: later tests expect Vietnamese."""
    yield
    translation.deactivate()


@pytest.fixture
def editor(client):
    user = member("Shop editors")
    client.force_login(user)
    return user


def test_the_category_form_offers_the_translated_names_beside_the_vietnamese_one(client, editor):
    response = client.get("/en/dashboard/catalogue/categories/create/")

    form = response.context["form"]
    names = [field.name for field in form.primary_form_fields()]
    assert names[:3] == ["name", "name_en", "name_zh_hans"]
    html = response.content.decode()
    assert 'name="name_en"' in html and 'name="name_zh_hans"' in html


def test_an_editor_names_a_category_in_english_and_chinese(client, editor):
    category = CategoryFactory(name="Dệt may")
    url = f"/en/dashboard/catalogue/categories/{category.pk}/update/"
    assert client.get(url).status_code == 200
    data = {
        "name": "Dệt may",
        "name_en": "Textiles",
        "name_zh_hans": "纺织品",
        "slug": category.slug,
        "is_public": "on",
        "treebeard_position": "first-child",
        "treebeard_ref_node": "",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    category.refresh_from_db()
    assert (category.name, category.name_en, category.name_zh_hans) == (
        "Dệt may",
        "Textiles",
        "纺织品",
    )
    assert str(category) == "Dệt may", "the dashboard keeps the Vietnamese name as its label"


def test_a_dashboard_form_with_errors_says_so_plainly_in_vietnamese():
    """Oscar's dashboard forms (ranges, vouchers, offers, addresses) share one error notice."""
    form = Form({"name": ""})
    form.fields["name"] = CharField()
    with translation.override("vi"):
        html = render_to_string("oscar/dashboard/partials/form_fields.html", {"form": form})

    assert "Oops" not in html
    assert "Có vài chỗ cần xem lại" in html
