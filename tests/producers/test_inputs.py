"""Prices, quantities and batch codes as craftspeople type them; the greeting by the given name."""

import datetime
import re
from decimal import Decimal

from django.contrib.auth import get_user_model

import pytest
from oscar.core.loading import get_model

from producers.inputs import parse_price
from producers.names import given_name

Batch = get_model("catalogue", "Batch")


@pytest.mark.parametrize(
    ("typed", "price"),
    [
        ("70.000", 70000),
        ("70 000 đ", 70000),
        ("70.000đ", 70000),
        ("70.000 ₫", 70000),
        ("70,000", 70000),
        ("70000", 70000),
        ("70k", 70000),
        ("70 K", 70000),
        ("70 nghìn", 70000),
        ("1,2 triệu", 1200000),
        ("1.5tr", 1500000),
        ("1.200.000 đồng", 1200000),
        ("1\xa0200\xa0000", 1200000),
    ],
)
def test_a_price_is_read_as_people_write_it(typed, price):
    assert parse_price(typed) == price


@pytest.mark.parametrize("typed", ["bảy mươi", "70.00", "7.0000", "1,2345k", "-70000", "70..000"])
def test_nonsense_is_not_a_price(typed):
    assert parse_price(typed) is None


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [("Hoàng Thị", "Lan"), ("Hoàng Thị Lan", ""), ("Lan", "Hoàng"), ("Lan", "")],
)
def test_the_given_name_however_the_account_holds_it(first_name, last_name):
    user = get_user_model()(username="lan", first_name=first_name, last_name=last_name)
    assert given_name(user) == "Lan"


@pytest.mark.django_db
def test_the_start_page_greets_the_craftswoman_by_her_given_name(client, world_a):
    user = world_a["user"]
    user.first_name, user.last_name = "Hoàng Thị", "Lan"
    user.save()
    client.force_login(user)
    page = client.get("/en/producer/").content.decode()
    assert "Hello, Lan" in page and "Hello, Hoàng" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["70.000", "70 000 đ", "70k"])
def test_a_price_typed_with_dots_spaces_or_k_is_saved(client, world_a, typed):
    product = world_a["product"]
    client.force_login(world_a["user"])
    response = client.post(
        f"/producer/products/{product.pk}/stock/", {"price": typed, "num_in_stock": "1.200"}
    )
    assert response.status_code == 302
    record = product.stockrecords.get()
    assert record.price == Decimal(70000)
    assert record.net_stock_level == 1200


def errors_on(client, product, price):
    page = client.post(
        f"/producer/products/{product.pk}/stock/", {"price": price, "num_in_stock": "3"}
    ).content.decode()
    return re.findall(r'<p class="field__error" role="alert">(.*?)</p>', page)


@pytest.mark.django_db
def test_a_price_that_is_not_one_is_explained_in_vietnamese(client, world_a):
    product = world_a["product"]
    client.force_login(world_a["user"])
    errors = errors_on(client, product, "bảy chục")
    assert len(errors) == 1 and "70k" in errors[0], "an example of what to type"
    errors = errors_on(client, product, "500")
    assert len(errors) == 1 and "1.000" in errors[0]
    assert not any("Đảm bảo" in error or "Ensure" in error for error in errors)
    assert product.stockrecords.get().price == Decimal(45000), "nothing saved"


@pytest.mark.django_db
def test_the_price_box_shows_the_price_grouped(client, world_a):
    client.force_login(world_a["user"])
    page = client.get(f"/producer/products/{world_a['product'].pk}/").content.decode()
    assert 'value="45.000"' in page


def batch_form(product, **fields):
    return {
        "product": product.pk,
        "lot_code": "",
        "production_date": "2026-12-01",
        "expiry_date": "",
        "raw_material_origin": "",
        "quantity": "300",
        "unit": "bó",
        **fields,
    }


@pytest.mark.django_db
def test_a_batch_left_without_a_code_gets_one_from_its_production_date(client, world_a):
    product = world_a["product"]
    client.force_login(world_a["user"])
    page = client.get("/en/producer/batches/new/").content.decode()
    assert "no spaces" in page and "letters without accents" in page, "the rule in plain words"

    client.post("/producer/batches/new/", batch_form(product))
    client.post("/producer/batches/new/", batch_form(product))
    codes = set(
        Batch.objects.filter(production_date=datetime.date(2026, 12, 1)).values_list(
            "lot_code", flat=True
        )
    )
    assert codes == {"L20261201-1", "L20261201-2"}
    assert client.get("/trace/L20261201-1/").status_code == 200


@pytest.mark.django_db
def test_a_code_scanners_cannot_read_is_refused_with_a_suggestion(client, world_a):
    product = world_a["product"]
    client.force_login(world_a["user"])
    response = client.post("/en/producer/batches/new/", batch_form(product, lot_code="Lô 12/2026"))
    page = response.content.decode()
    assert "GS1" not in page
    assert "no spaces" in page and "L20261201-1" in page
    assert not Batch.objects.filter(production_date=datetime.date(2026, 12, 1)).exists()


def rival_takes_the_code_first(monkeypatch, world):
    """Between our form's check of the code and its save, another producer's batch takes it."""
    from producers.forms import BatchForm

    checked = BatchForm._post_clean  # the form's last check, the model's uniqueness included
    rivals = []

    def checked_then_a_rival(form):
        checked(form)
        if not rivals and not form.errors:
            rivals.append(
                Batch.objects.create(
                    product=world["product"],
                    lot_code=form.instance.lot_code,
                    production_date=datetime.date(2026, 12, 1),
                    quantity=10,
                )
            )

    monkeypatch.setattr(BatchForm, "_post_clean", checked_then_a_rival)
    return rivals


@pytest.mark.django_db
def test_a_suggested_code_taken_meanwhile_gives_way_to_the_next_free_one(
    client, world_a, world_b, monkeypatch
):
    rivals = rival_takes_the_code_first(monkeypatch, world_b)
    client.force_login(world_a["user"])

    response = client.post("/producer/batches/new/", batch_form(world_a["product"]))

    assert response.status_code == 302, "saved, not an error page"
    assert rivals[0].lot_code == "L20261201-1"
    ours = Batch.objects.get(product=world_a["product"], production_date="2026-12-01")  # the new
    assert ours.lot_code == "L20261201-2"


@pytest.mark.django_db
def test_a_typed_code_taken_meanwhile_is_marked_with_a_free_one_and_nothing_lost(
    client, world_a, world_b, monkeypatch
):
    rival_takes_the_code_first(monkeypatch, world_b)
    client.force_login(world_a["user"])

    before = Batch.objects.filter(product=world_a["product"]).count()
    form = batch_form(world_a["product"], lot_code="MAT-2026", unit="hũ")
    response = client.post("/en/producer/batches/new/", form)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Another batch already has the code MAT-2026" in page and "L20261201-1 is free" in page
    assert 'value="hũ"' in page, "what the producer typed is kept"
    assert Batch.objects.filter(product=world_a["product"]).count() == before
