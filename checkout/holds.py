"""Stock held by unpaid orders: how much one order holds, how many a buyer has, and for how long.

Every order here is placed before it is paid (cash on delivery, a bank transfer, VNPay's page) and
holds its stock from that moment. So that nobody can empty a small producer's shelf with orders
never meant to be paid:

- one order holds at most SHOP_MAX_QUANTITY_PER_ORDER of a product, or the product's own
  `most_per_order` (a workshop ticket's largest group), checked at each checkout step;
- an e-mail address or a phone number has at most SHOP_UNPAID_ORDERS_PER_CONTACT open unpaid
  orders, counted in the database under the contact's row lock while the order is placed;
- one internet address places at most SHOP_ORDERS_PER_ADDRESS_PER_HOUR orders an hour, counted in
  the cache; while the cache is down that count is skipped, the others still hold;
- a guest's cash-on-delivery order waits for the buyer to confirm it from the order e-mail;
  `cancel_unpaid_orders` cancels it, releasing its stock, once SHOP_UNCONFIRMED_ORDER_HOURS pass.
"""

import ipaddress
import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

import phonenumbers
from oscar.core.loading import get_model

from . import statuses
from .models import BuyerContact

logger = logging.getLogger("checkout")

Order = get_model("order", "Order")

# Orders nobody has paid for or taken on yet: each one still only holds stock.
UNPAID = (
    statuses.AWAITING_CONFIRMATION,
    statuses.PENDING,
    statuses.AWAITING_TRANSFER,
    statuses.AWAITING_PAYMENT,
)
CONFIRMATION_SALT = "checkout.holds.confirm-order"


class Refused(Exception):
    """The order is not placed; the message tells the buyer why, in their language."""


# --- How much one order holds ----------------------------------------------------------------


def most_per_order(product):
    """How many of `product` one order may hold: its own limit (a workshop ticket's largest
    group), or the shop's SHOP_MAX_QUANTITY_PER_ORDER."""
    return product.most_per_order or settings.SHOP_MAX_QUANTITY_PER_ORDER


def too_much(basket):
    """What the buyer is told for each product of `basket` beyond what one order may hold
    (`most_per_order`), and never more than is in stock."""
    quantities, products, stock = {}, {}, {}
    for line in basket.all_lines():
        pk = line.product_id
        products[pk] = line.product
        quantities[pk] = quantities.get(pk, 0) + line.quantity
        if line.stockrecord and line.product.get_product_class().track_stock:
            stock[pk] = stock.get(pk, 0) + max(line.stockrecord.net_stock_level, 0)
    problems = []
    for pk, quantity in quantities.items():
        limit = most_per_order(products[pk])
        most = min(limit, stock.get(pk, quantity))
        if quantity > limit:
            problems.append(
                _(
                    "At most %(most)s of “%(product)s” can be in one order, so that orders not "
                    "paid yet cannot hold a small producer's whole stock. Please lower the "
                    "quantity to %(most)s or fewer: the rest of your basket is kept."
                )
                % {"most": most, "product": products[pk].get_title()}
            )
    return problems


# --- How many unpaid orders a buyer has --------------------------------------------------------


def normalised_email(address):
    """One spelling per mailbox: lower case, no "+tag", and Gmail's dots ignored."""
    local, _at, domain = address.strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def normalised_phone(number):
    """The number in E.164 form (+84912345678), however it was typed; digits alone otherwise."""
    try:
        parsed = phonenumbers.parse(str(number), "VN")
    except phonenumbers.NumberParseException:
        return "".join(character for character in str(number) if character.isdigit())
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def contact_keys(email, phone):
    keys = set()
    if email:
        keys.add(f"email:{normalised_email(email)}")
    if phone and normalised_phone(phone):
        keys.add(f"phone:{normalised_phone(phone)}")
    return sorted(keys)


def open_orders(contact):
    return contact.orders.filter(status__in=UNPAID).count()


def hold_contacts(email, phone):
    """Lock the rows of the buyer's contacts until the transaction ends (made if new, in a fixed
    order so two checkouts never deadlock) and refuse if one already has its most open unpaid
    orders. Returns the contacts, to be given the new order."""
    keys = contact_keys(email, phone)
    BuyerContact.objects.bulk_create([BuyerContact(key=key) for key in keys], ignore_conflicts=True)
    contacts = list(BuyerContact.objects.select_for_update().filter(key__in=keys).order_by("key"))
    limit = settings.SHOP_UNPAID_ORDERS_PER_CONTACT
    if any(open_orders(contact) >= limit for contact in contacts):
        raise Refused(
            _(
                "There are already %(limit)s orders waiting to be paid or confirmed with this "
                "e-mail address or phone number, the most we hold at once. Please pay for or "
                "confirm them, or wait until one is being prepared, then order again: your "
                "basket is kept."
            )
            % {"limit": limit}
        )
    return contacts


# --- How many orders come from one internet address --------------------------------------------


def client_address(request):
    """The visitor's internet address as django-axes reads it (behind TRUSTED_PROXY_COUNT
    proxies), IPv6 by its /64 network; None for an address that is not public (a proxy's own,
    a private network's), which is no one visitor's."""
    raw = import_string(settings.AXES_CLIENT_IP_CALLABLE)(request)
    try:
        address = ipaddress.ip_address(raw or "")
    except ValueError:
        return None
    if not address.is_global:
        return None
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def count_order_from(request):
    """Count one more order from the visitor's address this hour; refuse beyond the limit. The
    count lives in the cache: while it is down, orders are not counted (the contacts still are)."""
    address = client_address(request)
    if address is None:
        return
    key = f"checkout:orders-from:{address}"
    try:
        cache.add(key, 0, timeout=3600)
        count = cache.incr(key)
    except Exception:  # noqa: BLE001 - a cache outage must not stop the checkout
        count = None
    if count is None:  # raised, or answered nothing (django-redis ignoring its errors)
        logger.warning("The cache is unavailable: orders from %s are not counted", address)
        return
    if count > settings.SHOP_ORDERS_PER_ADDRESS_PER_HOUR:
        logger.warning("Order refused: %s orders from %s within the hour", count, address)
        raise Refused(
            _(
                "Too many orders have been placed from your internet connection in the last "
                "hour. Please try again later: your basket is kept."
            )
        )


# --- Confirming a guest's cash-on-delivery order -----------------------------------------------


def confirmation_path(order):
    """The address of the order e-mail's "Confirm my order" link (in the active language)."""
    token = signing.Signer(salt=CONFIRMATION_SALT).sign(order.number)
    return reverse("checkout:confirm-order", kwargs={"token": token})


def order_from_token(token):
    """The order a confirmation link was made for; None for a link we did not sign."""
    try:
        number = signing.Signer(salt=CONFIRMATION_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Order.objects.filter(number=number).first()


def move_if_still(pk, status, new_status):
    """Move the order to `new_status` only if, under its row lock, it is still in `status`:
    whichever of the buyer's confirmation and the unpaid-order job comes second finds it moved.
    Returns the order if it moved, else None."""
    with transaction.atomic():
        order = Order.objects.select_for_update().filter(pk=pk, status=status).first()
        if order is None:
            return None
        order.set_status(new_status)
        return order


def confirm(order):
    """The buyer confirmed a cash-on-delivery order: it is received, and no longer expires."""
    return move_if_still(order.pk, statuses.AWAITING_CONFIRMATION, statuses.PENDING) is not None
