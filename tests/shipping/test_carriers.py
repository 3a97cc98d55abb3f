"""Carriers behind one interface: parcels by producer, the zone table, GHN's documented API."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from oscar.core.loading import get_class, get_model

from shipping.carriers import CarrierError, GHNCarrier, Parcel, ZoneTableCarrier, parcels_of
from shipping.repository import Repository
from tests.catalogue.factories import BasketFactory, ProducerFactory, product_for_sale

Selector = get_class("partner.strategy", "Selector")
ShippingAddress = get_model("order", "ShippingAddress")

pytestmark = pytest.mark.django_db


def two_producers_basket(price=100000):
    basket = BasketFactory()
    basket.strategy = Selector().strategy()
    first, second = ProducerFactory(), ProducerFactory()
    basket.add_product(product_for_sale(title="Hồi", price=price, producer=first), 2)
    basket.add_product(product_for_sale(title="Chè", price=price, producer=second), 1)
    basket.add_product(product_for_sale(title="Mật", price=price, producer=first), 1)
    return basket, first, second


def test_each_producers_lines_ship_as_their_own_parcel(home):
    basket, first, second = two_producers_basket()
    parcels = parcels_of(basket)
    assert [parcel.producer for parcel in parcels] == [first, second]
    assert [parcel.weight for parcel in parcels] == [Decimal("1.5"), Decimal("0.5")]


def test_a_workshop_ticket_is_no_parcel_and_weighs_nothing(home):
    from tests.tours.factories import ExperiencePageFactory, in_days

    basket, first, second = two_producers_basket()
    workshop = ExperiencePageFactory(sessions=[(in_days(5), 8)])
    ticket = workshop.sessions.select_related("product").get().product
    basket.add_product(ticket, 3)
    assert [parcel.producer for parcel in parcels_of(basket)] == [first, second]
    assert sum(parcel.weight for parcel in parcels_of(basket)) == Decimal("2.0")


def test_grouping_by_producer_costs_the_same_queries_however_many_lines(home):
    def queries_for(basket):
        basket = type(basket).objects.get(pk=basket.pk)  # as a new request reads it
        with CaptureQueriesContext(connection) as captured:
            parcels_of(basket)
        return len(captured)

    basket, first, second = two_producers_basket()
    few = queries_for(basket)
    for number in range(4):
        basket.add_product(product_for_sale(title=f"Trà {number}", producer=ProducerFactory()), 1)
    assert queries_for(basket) == few


def test_the_fee_is_the_sum_of_the_parcels_fees(home, settings):
    settings.SHOP_FREE_SHIPPING_FROM = 10_000_000
    basket, _first, _second = two_producers_basket()
    method = Repository().get_shipping_methods(basket, ShippingAddress(state="Hà Nội"))[0]
    fees = [quote.fee for _parcel, quote in method.parcels(basket)]
    assert fees == [Decimal("38000"), Decimal("30000")]  # 1.5 kg and 0.5 kg to the north
    assert method.calculate(basket).incl_tax == Decimal("68000")


def test_every_parcel_ships_free_above_the_threshold(home, settings):
    settings.SHOP_FREE_SHIPPING_FROM = 300000
    basket, _first, _second = two_producers_basket()
    method = Repository().get_shipping_methods(basket, ShippingAddress(state="Cà Mau"))[0]
    assert method.calculate(basket).incl_tax == Decimal("0")
    assert [quote.fee for _parcel, quote in method.parcels(basket)] == [0, 0]


class NoAttributes:
    def all(self):
        return []


class Line:
    """A basket line as a carrier reads it: a product with a title and no weight attribute."""

    def __init__(self, title, quantity, price):
        self.product = type("P", (), {"get_title": lambda self: title, "is_child": False})()
        self.product.attribute_values = NoAttributes()
        self.quantity = quantity
        self.line_price_incl_tax = Decimal(price)


class Weighed(Parcel):
    weight = Decimal("1.2")


def ghn(answer):
    calls = []

    def post(url, json, headers):
        calls.append((url, json, headers))
        return answer

    carrier = GHNCarrier(
        post,
        token="t0k",
        shop_id=885,
        from_district_id=1730,
        districts={"Hà Nội": (1485, "1A0807")},
    )
    return carrier, calls


# GHN's documented answer to /v2/shipping-order/fee (api.ghn.vn, "Calculate Fee").
GHN_FEE_ANSWER = {
    "code": 200,
    "message": "Success",
    "data": {
        "total": 36300,
        "service_fee": 36300,
        "insurance_fee": 0,
        "pick_station_fee": 0,
        "coupon_value": 0,
        "r2s_fee": 0,
    },
}


def test_ghn_fee_request_and_answer_follow_its_documentation():
    carrier, calls = ghn(GHN_FEE_ANSWER)
    parcel = Weighed(producer=None, lines=[Line("Tinh dầu hồi", 2, 250000)])
    quote = carrier.quote(parcel, "Hà Nội")
    assert quote.fee == Decimal("36300") and quote.carrier == "ghn"
    url, body, headers = calls[0]
    assert url == "https://online-gateway.ghn.vn/shiip/public-api/v2/shipping-order/fee"
    assert headers["Token"] == "t0k" and headers["ShopId"] == "885"
    assert body["from_district_id"] == 1730
    assert body["to_district_id"] == 1485 and body["to_ward_code"] == "1A0807"
    assert body["service_type_id"] == 2
    assert body["weight"] == 1200  # grams
    assert body["insurance_value"] == 250000
    assert {"length", "width", "height"} <= body.keys()


def test_ghn_refusal_is_an_error_not_a_free_parcel():
    carrier, _calls = ghn({"code": 400, "message": "to_ward_code invalid", "data": None})
    with pytest.raises(CarrierError, match="to_ward_code invalid"):
        carrier.quote(Weighed(producer=None, lines=[]), "Hà Nội")


def test_ghn_create_shipment_returns_its_order_code():
    carrier, calls = ghn(
        {"code": 200, "message": "Success", "data": {"order_code": "GANVFHJ7", "total_fee": 36300}}
    )
    address = ShippingAddress(
        first_name="Lý Thị", last_name="Hoa", phone_number="+84912345678", line1="12 Trần Phú"
    )
    address.state = "Hà Nội"
    parcel = Weighed(producer=None, lines=[Line("Tinh dầu hồi", 2, 250000)])
    assert carrier.create_shipment(parcel, address) == "GANVFHJ7"
    url, body, _headers = calls[0]
    assert url.endswith("/v2/shipping-order/create")
    assert body["to_name"] == "Lý Thị Hoa" and body["to_address"] == "12 Trần Phú"
    assert body["cod_amount"] == 250000 and body["payment_type_id"] == 2
    assert carrier.tracking_url("GANVFHJ7") == "https://donhang.ghn.vn/?order_code=GANVFHJ7"


def test_the_zone_table_quotes_days_and_has_no_tracking():
    carrier = ZoneTableCarrier()
    quote = carrier.quote_weight(Decimal("0.5"), "Lạng Sơn")
    assert quote.fee == Decimal("20000") and quote.days == (1, 2)
    assert carrier.tracking_url("X1") == ""


def test_the_basket_shows_each_producers_parcel_and_its_fee(client, home, settings):
    settings.SHOP_FREE_SHIPPING_FROM = 10_000_000
    first, second = ProducerFactory(name="HTX Hồi"), ProducerFactory(name="HTX Chè")
    for product in (
        product_for_sale(title="Hồi", producer=first),
        product_for_sale(title="Chè", producer=second),
    ):
        client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1})
    html = client.get("/en/basket/").content.decode()
    assert "Sent as 2 parcels" in html and "From HTX Hồi" in html and "From HTX Chè" in html
    assert 'name="province"' in html
    html = client.get("/en/basket/", {"province": "Hà Nội"}).content.decode()
    assert html.count('class="basket-parcel__fee">₫30,000') == 2
    assert "₫60,000" in html


def test_a_products_weight_attribute_weighs_its_parcel(home):
    ProductAttribute = get_model("catalogue", "ProductAttribute")
    ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
    basket = BasketFactory()
    basket.strategy = Selector().strategy()
    producer = ProducerFactory()
    honey = product_for_sale(title="Mật ong Mẫu Sơn", producer=producer)
    weight = ProductAttribute.objects.create(
        product_class=honey.product_class, name="Khối lượng (kg)", code="weight", type="float"
    )
    ProductAttributeValue.objects.create(product=honey, attribute=weight, value_float=1.2)
    basket.add_product(honey, 2)
    basket.add_product(product_for_sale(title="Chè", producer=producer), 1)

    (parcel,) = parcels_of(type(basket).objects.get(pk=basket.pk))
    assert parcel.weight == Decimal("2.9"), "2 × 1.2 kg, and half a kilogram by default"
