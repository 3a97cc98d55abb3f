"""How a buyer can pay: cash on delivery, a VietQR bank transfer staff confirm, or VNPay."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import statuses, vietqr, vnpay

CASH_ON_DELIVERY = "cash-on-delivery"
BANK_TRANSFER = "bank-transfer"
VNPAY = "vnpay"

NAMES = {
    CASH_ON_DELIVERY: _("Cash on delivery"),
    BANK_TRANSFER: _("Bank transfer (VietQR)"),
    VNPAY: _("VNPay (bank card, banking app or e-wallet)"),
}
DESCRIPTIONS = {
    CASH_ON_DELIVERY: _("Pay the courier in cash when the parcel arrives."),
    BANK_TRANSFER: _(
        "Scan the VietQR code with your banking app after ordering; we ship once the money arrives."
    ),
    VNPAY: _("You are taken to VNPay's secure page to pay, then brought back here."),
}
# A basket of workshop tickets alone sends no parcel.
DESCRIPTIONS_WITHOUT_PARCEL = {
    **DESCRIPTIONS,
    CASH_ON_DELIVERY: _("Pay your host in cash when the workshop begins."),
    BANK_TRANSFER: _(
        "Scan the VietQR code with your banking app after ordering; your seats are confirmed "
        "once the money arrives."
    ),
}

# Order statuses the payment methods and staff move an order through (see statuses.py).
AWAITING_CONFIRMATION = statuses.AWAITING_CONFIRMATION
AWAITING_TRANSFER = statuses.AWAITING_TRANSFER
AWAITING_PAYMENT = statuses.AWAITING_PAYMENT
UNDER_REVIEW = statuses.UNDER_REVIEW
PAID = statuses.PAID
CANCELLED = statuses.CANCELLED


def available():
    """The methods on offer: bank transfer only when the shop's account is configured."""
    methods = [CASH_ON_DELIVERY]
    if vietqr.is_configured():
        methods.append(BANK_TRANSFER)
    if vnpay.is_configured():
        methods.append(VNPAY)
    return methods


INITIAL_STATUS = {BANK_TRANSFER: AWAITING_TRANSFER, VNPAY: AWAITING_PAYMENT}


def initial_status(method, user):
    """The status an order starts in. A guest's cash-on-delivery order waits until the buyer
    confirms it from the order e-mail (or staff take it on); a signed-in buyer's is confirmed."""
    if method == CASH_ON_DELIVERY and not user.is_authenticated:
        return AWAITING_CONFIRMATION
    return INITIAL_STATUS.get(method, settings.OSCAR_INITIAL_ORDER_STATUS)
