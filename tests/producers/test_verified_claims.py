"""OCOP stars, certificate, geographical indication, trademark and village change only through an
editor: what a producer types waits as a proposed change, and buyers keep the approved claims."""

import datetime

from django.utils import translation

import pytest
from oscar.core.loading import get_model

from search.adapters import ProductAdapter
from tests.villages.factories import VillagePageFactory

from .test_producer_space import edit_form, shop_editor

Product = get_model("catalogue", "Product")
ProductChange = get_model("catalogue", "ProductChange")

pytestmark = pytest.mark.django_db


def four_star(product):
    product.ocop_stars = 4
    product.ocop_certificate_number = "123/QĐ-UBND"
    product.ocop_certified_on = datetime.date(2024, 5, 10)
    product.save()
    return product


def english_page(client, product):
    with translation.override("en"):
        url = product.get_absolute_url()
    return client.get(url).content.decode()


def indexed_stars(product):
    product = Product.objects.get(pk=product.pk)
    return {item.ocop_stars for item in ProductAdapter().items(product)}


def test_stars_a_producer_awards_itself_wait_for_an_editor(client, world_a):
    product = four_star(world_a["product"])
    village = VillagePageFactory(title="Làng hương Nà Phiêng")
    client.force_login(world_a["user"])

    response = client.post(
        f"/producer/products/{product.pk}/",
        edit_form(
            product,
            ocop_stars="5",
            ocop_certificate_number="999/QĐ-UBND",
            ocop_certified_on="2026-01-15",
            village=str(village.pk),
            geographical_indication="Quế Nà Phiêng",
        ),
    )

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.ocop_stars, product.ocop_certificate_number) == (4, "123/QĐ-UBND")
    assert product.village_id is None and product.geographical_indication == ""
    page = english_page(client.__class__(), product)
    assert "4 stars" in page and "5 stars" not in page
    assert "999/QĐ-UBND" not in page and "Làng hương Nà Phiêng" not in page
    assert indexed_stars(product) == {4}, "search still shows the approved stars"

    change = ProductChange.objects.get(product=product, state=ProductChange.State.PENDING)
    assert change.proposed["ocop_stars"] == 5
    assert change.proposed["village"] == village.pk
    own_page = client.get(f"/en/producer/products/{product.pk}/").content.decode()
    assert "Self-declared, awaiting verification" in own_page
    assert "5 stars" in own_page, "the producer sees what it declared"

    editor = client.__class__()
    editor.force_login(shop_editor())
    detail = editor.get(f"/en/dashboard/moderation/{change.pk}/").content.decode()
    assert "4 stars" in detail and "5 stars" in detail and "Làng hương Nà Phiêng" in detail
    editor.post(f"/dashboard/moderation/{change.pk}/", {"approve": "1"})

    product.refresh_from_db()
    assert (product.ocop_stars, product.ocop_certificate_number) == (5, "999/QĐ-UBND")
    assert product.ocop_certified_on == datetime.date(2026, 1, 15)
    assert product.village_id == village.pk
    assert product.geographical_indication == "Quế Nà Phiêng"
    assert "5 stars" in english_page(client.__class__(), product)
    assert indexed_stars(product) == {5}


def test_a_rejected_claim_never_reaches_buyers(client, world_a):
    product = four_star(world_a["product"])
    client.force_login(world_a["user"])
    client.post(
        f"/producer/products/{product.pk}/",
        edit_form(
            product,
            ocop_stars="5",
            ocop_certificate_number="123/QĐ-UBND",
            ocop_certified_on="2024-05-10",
        ),
    )
    change = ProductChange.objects.get(product=product, state=ProductChange.State.PENDING)
    change.reject(shop_editor(), "Quyết định công nhận là 4 sao.")
    product.refresh_from_db()
    assert product.ocop_stars == 4


def test_a_new_products_claims_are_self_declared_until_approved(client, world_a):
    client.force_login(world_a["user"])
    response = client.post(
        "/producer/products/new/",
        edit_form(
            Product(title="Hương trầm Nà Phiêng", description=""),
            price="60000",
            num_in_stock="12",
            ocop_stars="3",
            ocop_certificate_number="45/QĐ-UBND",
            ocop_certified_on="2025-03-01",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    product = Product.objects.get(title="Hương trầm Nà Phiêng")
    assert product.ocop_stars is None and product.ocop_certificate_number == ""
    own_page = client.get(f"/en/producer/products/{product.pk}/").content.decode()
    assert "Self-declared, awaiting verification" in own_page and "3 stars" in own_page

    product.changes.get().approve(shop_editor())
    product.refresh_from_db()
    assert (product.is_public, product.ocop_stars) == (True, 3)
    assert product.ocop_certified_on == datetime.date(2025, 3, 1)


def test_saving_other_fields_keeps_a_pending_claim(client, world_a):
    product = four_star(world_a["product"])
    client.force_login(world_a["user"])
    claim = {
        "ocop_stars": "5",
        "ocop_certificate_number": "123/QĐ-UBND",
        "ocop_certified_on": "2024-05-10",
    }
    client.post(f"/producer/products/{product.pk}/", edit_form(product, **claim))
    # The form shows the claim waiting; saved again with a new description, it still waits.
    form = client.get(f"/producer/products/{product.pk}/").context["form"]
    assert form.initial["ocop_stars"] == 5
    client.post(
        f"/producer/products/{product.pk}/",
        edit_form(product, description="Hương quế thơm lâu.", **claim),
    )
    change = ProductChange.objects.get(product=product, state=ProductChange.State.PENDING)
    assert change.proposed["ocop_stars"] == 5 and "description" in change.proposed


def test_a_producer_marks_rice_wine_for_adults_only_at_once_but_cannot_take_it_off(client, world_a):
    product = world_a["product"]
    client.force_login(world_a["user"])

    client.post(f"/producer/products/{product.pk}/", edit_form(product, adults_only="on"))
    product.refresh_from_db()
    assert product.adults_only, "stricter at once: buyers confirm their age from now on"

    client.post(f"/producer/products/{product.pk}/", edit_form(product))
    product.refresh_from_db()
    assert product.adults_only, "an unticked box does not lift the age check"
    form = client.get(f"/en/producer/products/{product.pk}/").content.decode()
    assert "Only an editor can take this off" in form
