"""Producers with their people, products, batches, orders and experiences, for the producer's
space."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model
from oscar.test.factories import ShippingAddressFactory, create_order

from tests.catalogue.factories import (
    BatchCertificateFactory,
    BatchFactory,
    BatchStepFactory,
    ProducerFactory,
    product_for_sale,
)
from tests.tours.factories import ExperiencePageFactory, in_days
from tours.models import ExperiencePage, ExperienceSession

Basket = get_model("basket", "Basket")
ShippingAddress = get_model("order", "ShippingAddress")

PASSWORD = "langnghe-test-password"


def producer_user(producer, username):
    """A person who works for `producer` (a user in its Partner.users), password PASSWORD."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", PASSWORD, first_name=username.title()
    )
    producer.users.add(user)
    return user


def producer_product(producer, title="Hương quế Nà Phiêng", price=45000, stock=20):
    """A public product of `producer`, sold from its own stock record."""
    product = product_for_sale(title=title, price=price, stock=stock)
    product.producer = producer
    product.description = "<p>Hương quế se tay, thơm dịu.</p>"
    product.save()
    record = product.stockrecords.get()
    record.partner = producer
    record.save()
    return product


def order_of(*products, quantity=2, **address):
    """An order for `quantity` of each product, delivered to a buyer in Lạng Sơn."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product in products:
        basket.add_product(product, quantity)
    shipping_address = ShippingAddressFactory(
        first_name="Nguyễn",
        last_name="Thị Hoa",
        line1="Số 12 đường Trần Đăng Ninh",
        line4="phường Kỳ Lừa",
        state="Lạng Sơn",
        postcode="",
        phone_number="+84912345678",
        **address,
    )
    return create_order(
        basket=basket, shipping_address=shipping_address, guest_email="hoa.buyer@example.vn"
    )


def producer_experience(producer, title, sessions=None):
    """A published experience hosted by `producer`; by default one session of 8 seats in 5 days."""
    sessions = [(in_days(5), 8)] if sessions is None else sessions
    page = ExperiencePageFactory(title=title, producer=producer, sessions=sessions)
    return ExperiencePage.objects.get(pk=page.pk)  # its sessions as stored, not as built


def producer_world(name, username, title):
    """A producer with a person, a product, a batch with a step and a certificate, an order, and
    an experience with one session nobody has booked yet."""
    producer = ProducerFactory(name=name)
    user = producer_user(producer, username)
    product = producer_product(producer, title=title)
    batch = BatchFactory(product=product, production_date=datetime.date(2026, 10, 1))
    step = BatchStepFactory(batch=batch)
    certificate = BatchCertificateFactory(batch=batch)
    order = order_of(product)
    experience = producer_experience(producer, f"Trải nghiệm · {title}")
    return {
        "producer": producer,
        "user": user,
        "product": product,
        "batch": batch,
        "step": step,
        "certificate": certificate,
        "order": order,
        "line": order.lines.get(),
        "price": Decimal(45000),
        "experience": experience,
        "session": ExperienceSession.objects.get(experience=experience),
    }
