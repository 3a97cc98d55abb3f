"""Following an order without an account: its number and the phone or e-mail it was placed with.

The page says the same thing for an unknown number and for a wrong phone or e-mail, so it never
tells whether an order exists. Wrong guesses are counted in the cache per internet address and per
order number; past SHOP_ORDER_LOOKUPS_PER_HOUR, the page asks the visitor to wait (while the cache
is down nothing is counted, and the page still works). An order found is remembered in the session,
so its page and its cancel button need no second guess. The order's e-mails carry a signed link
(`follow_path`) that opens the page without typing anything.
"""

import logging
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from oscar.core.loading import get_model

from shipping.carriers import CARRIERS, GHNCarrier, tracking_url

from . import fulfilment, holds, statuses

logger = logging.getLogger("checkout")

Order = get_model("order", "Order")

SESSION_KEY = "followed_orders"
HOUR = 3600


class FollowOrderForm(forms.Form):
    number = forms.CharField(
        label=gettext_lazy("Order number"),
        max_length=128,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    contact = forms.CharField(
        label=gettext_lazy("Phone number or e-mail address"),
        max_length=254,
        help_text=gettext_lazy("The one you gave when you ordered."),
        widget=forms.TextInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_number(self):
        return self.cleaned_data["number"].strip().lstrip("#")


# --- wrong guesses, counted in the cache --------------------------------------------------------


def _keys(request, number):
    keys = [f"checkout:follow:number:{number}"]
    address = holds.client_address(request)
    if address:
        keys.append(f"checkout:follow:from:{address}")
    return keys


def is_throttled(request, number):
    """True once the visitor's address, or the order number, had too many wrong guesses this
    hour; False while the cache is down."""
    try:
        counts = cache.get_many(_keys(request, number))
    except Exception:  # noqa: BLE001 - a cache outage must not break the page
        logger.warning("The cache is unavailable: order look-ups are not limited")
        return False
    return any((count or 0) >= settings.SHOP_ORDER_LOOKUPS_PER_HOUR for count in counts.values())


def count_wrong_guess(request, number):
    for key in _keys(request, number):
        try:
            cache.add(key, 0, timeout=HOUR)
            cache.incr(key)
        except Exception:  # noqa: BLE001 - counted when the cache is back
            logger.warning("The cache is unavailable: a wrong order look-up is not counted")
            return


# --- finding and describing an order -------------------------------------------------------------


def matches(order, contact):
    """Whether `contact` is the order's e-mail address or its delivery phone, however typed."""
    contact = contact.strip()
    if "@" in contact:
        return bool(order.email) and holds.normalised_email(order.email) == (
            holds.normalised_email(contact)
        )
    address = order.shipping_address
    phone = getattr(address, "phone_number", None)
    wanted = holds.normalised_phone(contact)
    return bool(phone and wanted) and holds.normalised_phone(phone) == wanted


def find(number, contact):
    """The order `number` if `contact` is its e-mail or phone; None otherwise, whichever is wrong."""
    order = Order.objects.select_related("shipping_address").filter(number=number).first()
    if order is None or not matches(order, contact):
        return None
    return order


KNOWN_CARRIERS = {GHNCarrier.code: GHNCarrier.name} | {
    code: carrier.name for code, carrier in CARRIERS.items()
}


def carrier_of(text):
    """(name, code) of the carrier a shipping event names by its code or its name."""
    for code, name in KNOWN_CARRIERS.items():
        if text in (code, str(name)):
            return str(name), code
    return text, ""


def shipments(order):
    """The order's parcels, one per producer: [{"producer", "lines", "sent": [events]}], each
    event a dict with its date, tracking number, carrier and the carrier's tracking address."""
    shipped = fulfilment.shipped_event_type()
    parcels = {}
    lines = order.lines.select_related("partner", "product__producer").order_by("pk")
    by_line = {}
    for line in lines:
        # The basket's parcels are the products' producers' (shipping/carriers.py).
        producer = (line.product.producer if line.product else None) or line.partner
        parcel = parcels.setdefault(
            producer.pk if producer else None,
            {"producer": producer, "lines": [], "sent": [], "events": set()},
        )
        parcel["lines"].append(line)
        by_line[line.pk] = parcel
    events = (
        order.shipping_events.filter(event_type=shipped)
        .prefetch_related("line_quantities")
        .order_by("date_created", "pk")
    )
    for event in events:
        number, carrier = _tracking_details(event.notes)
        name, code = carrier_of(carrier) if carrier else ("", "")
        described = {
            "date": event.date_created,
            "tracking_number": number,
            "carrier": name,
            "url": tracking_url(code, number) if code else "",
        }
        for quantity in event.line_quantities.all():
            parcel = by_line.get(quantity.line_id)
            if parcel is not None and event.pk not in parcel["events"]:
                parcel["events"].add(event.pk)
                parcel["sent"].append(described)
    for parcel in parcels.values():
        parcel.pop("events")
        parcel["waiting"] = [
            line for line in parcel["lines"] if not line.has_shipping_event_occurred(shipped)
        ]
    return list(parcels.values())


def _tracking_details(notes):
    parts = [part.strip() for part in (notes or "").splitlines() if part.strip()]
    return (parts[0] if parts else ""), (parts[1] if len(parts) > 1 else "")


def has_shipped(order):
    shipped = fulfilment.shipped_event_type()
    return order.shipping_events.filter(event_type=shipped).exists()


def can_cancel(order):
    return statuses.CANCELLED in order.available_statuses() and not has_shipped(order)


def was_paid(order):
    return order.status == statuses.UNDER_REVIEW or order.payment_events.exists()


def cancel(order):
    """Cancel the order for its buyer if, under its row lock, it is still as they saw it and
    nothing has shipped. The status change gives its stock back once (checkout/receivers.py).
    Returns True if it was cancelled."""
    with transaction.atomic():
        locked = Order.objects.select_for_update().filter(pk=order.pk).first()
        if locked is None or not can_cancel(locked):
            return False
        paid = was_paid(locked)
        if holds.move_if_still(locked.pk, locked.status, statuses.CANCELLED) is None:
            return False
        note = _("The buyer cancelled this order on the order-following page.")
        if paid:
            note += " " + _("It was paid: refund the buyer.")
        locked.notes.create(note_type="System", message=note)
    return True


# --- views -----------------------------------------------------------------------------------


def remember(request, order):
    followed = request.session.get(SESSION_KEY, [])
    if order.number not in followed:
        request.session[SESSION_KEY] = [*followed, order.number][-10:]


def follow_path(order):
    """The order's page with a key only its e-mails carry: opening it needs no second guess."""
    path = reverse("checkout:followed-order", kwargs={"number": order.number})
    return f"{path}?{urlencode({'key': order.verification_hash()})}"


class FollowOrderView(FormView):
    """Order number plus phone or e-mail: the order's page if they match."""

    form_class = FollowOrderForm
    template_name = "oscar/checkout/follow_order.html"

    def get_initial(self):
        return {"number": self.request.GET.get("number", "")[:128]}

    def form_valid(self, form):
        number, contact = form.cleaned_data["number"], form.cleaned_data["contact"]
        if is_throttled(self.request, number):
            form.add_error(
                None,
                _(
                    "Too many tries with wrong details. For your security, please wait an hour "
                    "and try again, or contact us."
                ),
            )
            return self.form_invalid(form)
        order = find(number, contact)
        if order is None:
            count_wrong_guess(self.request, number)
            form.add_error(
                None,
                _(
                    "We found no order with this number and this phone number or e-mail "
                    "address. Please check both and try again."
                ),
            )
            return self.form_invalid(form)
        remember(self.request, order)
        return redirect("checkout:followed-order", number=order.number)


class FollowedOrderView(TemplateView):
    """An order the visitor found in this session: its status, parcels and a cancel button."""

    template_name = "oscar/checkout/followed_order.html"

    def dispatch(self, request, *args, number, **kwargs):
        key = request.GET.get("key")
        if key:
            order = Order.objects.filter(number=number).first()
            if order is not None and order.check_verification_hash(key):
                remember(request, order)
            return redirect(request.path)  # the key stays out of the address bar and history
        if number not in request.session.get(SESSION_KEY, []):
            return redirect(f"{reverse('checkout:follow-order')}?number={number}")
        self.order = Order.objects.filter(number=number).first()
        if self.order is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        order = self.order
        return super().get_context_data(
            order=order,
            status_label=statuses.label(order.status),
            parcels=shipments(order),
            can_cancel=can_cancel(order),
            was_paid=was_paid(order),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if cancel(self.order):
            messages.success(
                request,
                _("Your order %(number)s is cancelled.") % {"number": self.order.number},
            )
        elif Order.objects.filter(pk=self.order.pk, status=statuses.CANCELLED).exists():
            messages.info(request, _("This order is already cancelled."))
        else:
            messages.error(
                request, _("This order can no longer be cancelled: part of it has already left.")
            )
        return redirect(request.path)
