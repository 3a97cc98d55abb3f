"""The buyer's e-mails come in the language the order was placed in, with whole-đồng totals."""

from email.mime.image import MIMEImage

from django.core import mail
from django.db import transaction
from django.utils import translation

import pytest
from oscar.apps.order.exceptions import InvalidShippingEvent
from oscar.core.loading import get_class, get_model

from catalogue import qr
from checkout import holds, vietqr
from checkout.fulfilment import mark_shipped, shipped_event_type
from checkout.models import OrderLanguage
from tests.catalogue.factories import product_for_sale
from tests.checkout.conftest import checkout

EventHandler = get_class("order.processing", "EventHandler")
Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "language", "subject", "words", "total"),
    [
        ("", "vi", "Xác nhận của đơn hàng", ["Xin chào,", "Tổng đơn hàng:"], "145.000\xa0₫"),
        ("/en", "en", "Confirmation of order", ["Hello,", "Order Total:"], "₫145,000"),
        ("/zh-hans", "zh-hans", "确认订单", ["您的订单包含：", "订单总额："], "₫145,000"),
    ],
)
def test_confirmation_email_is_in_the_buyers_language(
    client, anise_oil, prefix, language, subject, words, total
):
    checkout(client, anise_oil, prefix=prefix)
    order = Order.objects.get()
    assert OrderLanguage.objects.get(order=order).language == language
    message = mail.outbox[-1]
    assert message.to == ["hoa@example.com"]
    assert subject in message.subject
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert all(word in text for word in words)
        assert total in text
        assert "145.000,00" not in text and "145,000.00" not in text
        assert "Tinh dầu hồi Văn Quan" in text
        assert "Phường Kỳ Lừa" in text  # as the 2025 list writes it and "Lạng Sơn" in text
        assert "0912 345 678" in text


def test_confirmation_names_the_payment_method(client, anise_oil):
    checkout(client, anise_oil, prefix="/en")
    assert "Cash on delivery" in mail.outbox[-1].body


def test_bank_transfer_confirmation_carries_the_vietqr_code_inline(client, anise_oil, bank_account):
    checkout(client, anise_oil, prefix="/en", method="bank-transfer")
    order = Order.objects.get()
    message = mail.outbox[-1]
    assert message.mixed_subtype == "related", "the image belongs to the HTML body"
    images = [item for item in message.attachments if isinstance(item, MIMEImage)]
    assert len(images) == 1
    image = images[0]
    content_id = image["Content-ID"].strip("<>")
    assert f'src="cid:{content_id}"' in message.alternatives[0][0]
    payload = vietqr.for_order(order.number, order.total_incl_tax)
    assert "5406145000" in payload, "the code asks for 145.000 ₫"
    assert image.get_payload(decode=True) == qr.png(payload, scale=6)
    for text in (message.body, message.alternatives[0][0]):
        assert "₫145,000" in text
        assert f"LANGNGHE {order.number}" in text
        assert "0011001234567" in text
    assert "image/png" in message.message().as_string()


def test_cash_on_delivery_confirmation_has_no_qr_code(client, anise_oil, bank_account):
    checkout(client, anise_oil)
    assert mail.outbox[-1].attachments == []


def test_shipping_email_gives_the_tracking_number_in_the_buyers_language(
    client, anise_oil, django_capture_on_commit_callbacks
):
    checkout(client, anise_oil, quantity=2, prefix="/en")
    order = Order.objects.get()
    holds.confirm(order)  # the guest confirmed it from the e-mail
    order.refresh_from_db()
    mail.outbox.clear()
    with translation.override("vi"), django_capture_on_commit_callbacks(execute=True):
        mark_shipped(order, order.lines.all(), "GHN8812345VN", carrier="Giao Hàng Nhanh")
    message = mail.outbox[-1]
    assert message.to == ["hoa@example.com"]
    assert f"Your order {order.number} has shipped" in message.subject
    for text in (message.body, message.alternatives[0][0]):
        assert "GHN8812345VN" in text
        assert "Giao Hàng Nhanh" in text
        assert "Tinh dầu hồi Văn Quan" in text
    order.refresh_from_db()
    assert order.status == "Shipped"
    assert order.shipping_events.get().notes.startswith("GHN8812345VN")


def test_a_partial_shipment_leaves_the_order_open(
    client, anise_oil, django_capture_on_commit_callbacks
):
    mask = product_for_sale(title="Mặt nạ Mai Pha", price=480000, stock=5)
    client.post(
        f"/basket/add/{mask.pk}/", {"quantity": 1, "stockrecord": mask.stockrecords.get().pk}
    )
    checkout(client, anise_oil)
    order = Order.objects.get()
    holds.confirm(order)  # the guest confirmed it from the e-mail
    order.refresh_from_db()
    oil_line = order.lines.get(product=anise_oil)
    with django_capture_on_commit_callbacks(execute=True):
        mark_shipped(order, [oil_line], "VTP0001")
    order.refresh_from_db()
    oil_line.refresh_from_db()
    assert oil_line.status == "Shipped"
    assert order.status == "Pending"
    body = mail.outbox[-1].body
    assert "VTP0001" in body
    assert "Mặt nạ Mai Pha" in body.split("VTP0001")[1], "the mask is still to come"
    with pytest.raises(InvalidShippingEvent):
        mark_shipped(order, [oil_line], "VTP0002")


def test_an_unpaid_bank_transfer_cannot_ship(client, anise_oil, bank_account):
    checkout(client, anise_oil, method="bank-transfer")
    order = Order.objects.get()
    with pytest.raises(InvalidShippingEvent):
        mark_shipped(order, order.lines.all(), "GHN1")
    assert not order.shipping_events.exists()


def test_a_shipping_event_recorded_through_oscar_also_emails_the_buyer(
    client, anise_oil, django_capture_on_commit_callbacks
):

    checkout(client, anise_oil, prefix="/zh-hans")
    order = Order.objects.get()
    mail.outbox.clear()
    line = order.lines.get()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        EventHandler().handle_shipping_event(
            order, shipped_event_type(), [line], [1], reference="VTP2611300042"
        )
    assert len(mail.outbox) == 1
    assert "VTP2611300042" in mail.outbox[0].body
    assert order.number in mail.outbox[0].subject
