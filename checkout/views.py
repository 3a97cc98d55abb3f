"""Checkout for Vietnam: cash on delivery, a VietQR bank transfer or VNPay, then the order."""

import logging
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as oscar_views
from oscar.apps.checkout.views import *  # noqa: F403
from oscar.core.loading import get_model

from catalogue import qr

from . import addresses, emails, holds, payment, receivers, statuses, tasks, vietqr, vnpay
from .forms import PaymentMethodForm, adults_only_products
from .models import remember_language

logger = logging.getLogger("checkout")

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """Step 3 asks how to pay; the preview then places the order with that method."""

    template_name = "oscar/checkout/payment_choice.html"
    template_name_preview = "oscar/checkout/payment_preview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        method = self.checkout_session.payment_method()
        context.setdefault(
            "payment_form",
            PaymentMethodForm(
                initial={"method": method}, adults_only=adults_only_products(self.request.basket)
            ),
        )
        parcel = self.request.basket.is_shipping_required()
        context["payment_method_name"] = payment.name(method, parcel)
        context["payment_methods"] = payment.offered(parcel)
        context["shipping_required"] = parcel
        return context

    def post(self, request, *args, **kwargs):
        # The choice is posted to step 3 itself; the preview only places the order.
        if not self.preview:
            return self.handle_payment_details_submission(request)
        return super().post(request, *args, **kwargs)

    def handle_payment_details_submission(self, request):
        form = PaymentMethodForm(request.POST, adults_only=adults_only_products(request.basket))
        if not form.is_valid():
            return self.render_payment_details(request, payment_form=form)
        self.checkout_session.pay_by(form.cleaned_data["method"])
        self.confirm_adult(form.cleaned_data.get("adult"))
        return redirect("checkout:preview")

    def check_payment_data_is_captured(self, request):
        if self.checkout_session.payment_method() not in payment.available():
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-details"), message=_("Please choose how to pay.")
            )
        self.check_adult_is_confirmed(request)

    def handle_payment(self, order_number, total, **kwargs):
        """Nothing is taken now: the source records what is owed and how it will be paid."""
        method = self.checkout_session.payment_method()
        # Staff's name of the method, in Vietnamese whichever language the first buyer used.
        with translation.override(settings.LANGUAGE_CODE):
            name = str(payment.NAMES[method])
        source_type, _created = SourceType.objects.get_or_create(
            code=method, defaults={"name": name}
        )
        self.add_payment_source(
            Source(
                source_type=source_type,
                currency=total.currency,
                amount_allocated=total.incl_tax,
                reference=order_number,
            )
        )

    def handle_order_placement(self, *args, **kwargs):
        try:
            return super().handle_order_placement(*args, **kwargs)
        except holds.Refused as refusal:
            # Nothing was placed: the buyer sees why on the preview, with the basket as it was.
            self.restore_frozen_basket()
            return self.render_preview(self.request, error=str(refusal))

    def place_order(self, *args, user, shipping_address=None, **kwargs):
        """Oscar's order, if the buyer's contacts and address may hold one more unpaid order
        (checkout/holds.py), with the language it was placed in: its e-mails are written in it."""
        email = user.email if user.is_authenticated else kwargs.get("guest_email", "")
        phone = getattr(shipping_address, "phone_number", None)
        with transaction.atomic():
            # The contacts stay locked until the order commits: a second order placed at the
            # same moment with the same e-mail or phone waits, then counts this one.
            contacts = holds.hold_contacts(email, phone)
            holds.count_order_from(self.request)
            order = super().place_order(
                *args, user=user, shipping_address=shipping_address, **kwargs
            )
            for contact in contacts:
                contact.orders.add(order)
            remember_language(order, get_language())
        return order

    def send_order_placed_email(self, order):
        # After the commit, off the request: a mail outage must not undo a placed order.
        transaction.on_commit(partial(tasks.send_later, tasks.PLACED, order.pk))

    def get_initial_order_status(self, basket):
        return payment.initial_status(self.checkout_session.payment_method(), self.request.user)

    def handle_successful_order(self, order):
        """The order is placed (its stock held); a VNPay buyer now goes to the gateway to pay."""
        method = self.checkout_session.payment_method()
        response = super().handle_successful_order(order)
        if not payment.goes_to_gateway(method):
            return response
        return redirect(
            vnpay.payment_url(
                order.number,
                order.total_incl_tax,
                client_ip=self.request.META.get("REMOTE_ADDR", ""),
                return_url=self.request.build_absolute_uri(reverse("checkout:vnpay-return")),
                language=get_language(),
                bank_code=payment.GATEWAY_BANK_CODES[method],
            )
        )


class ThankYouView(oscar_views.ThankYouView):
    """Oscar's confirmation, with the VietQR code to scan while the transfer is awaited."""

    template_name = "oscar/checkout/thank_you_vietnam.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        context["payment_method_name"] = payment.NAMES.get(emails.payment_method(order), "")
        if order.status == statuses.AWAITING_CONFIRMATION:
            context["awaiting_confirmation"] = True
            context["confirm_hours"] = settings.SHOP_UNCONFIRMED_ORDER_HOURS
        if order.status == payment.AWAITING_TRANSFER and vietqr.is_configured():
            text = vietqr.for_order(order.number, order.total_incl_tax)
            context["vietqr"] = {
                "payload": text,
                "svg": qr.make(text).svg_inline(scale=5, border=4),
                "message": vietqr.order_message(order.number),
                "account_number": settings.VIETQR_ACCOUNT_NUMBER,
                "account_name": settings.VIETQR_ACCOUNT_NAME,
                "bank_bin": settings.VIETQR_BANK_BIN,
                "bank_name": vietqr.bank_name(),
                "amount": int(order.total_incl_tax),
            }
        return context


class CommunesView(View):
    """The communes and wards of a province, for the address form's list (checkout.js)."""

    def get(self, request):
        communes = addresses.communes_of(request.GET.get("province", ""))
        empty = _("Choose a commune or ward") if communes else _("Choose the province first")
        response = JsonResponse({"communes": list(communes), "empty": str(empty)})
        response["Cache-Control"] = "public, max-age=86400"
        return response


class VietQRImageView(View):
    """The thank-you page's VietQR code as a PNG to save: a buyer paying from the same phone
    cannot scan their own screen, but a banking app opens a saved image."""

    def get(self, request):
        order = Order.objects.filter(pk=request.session.get("checkout_order_id")).first()
        if order is None or order.status != payment.AWAITING_TRANSFER or not vietqr.is_configured():
            raise Http404
        response = HttpResponse(
            qr.png(vietqr.for_order(order.number, order.total_incl_tax)), content_type="image/png"
        )
        response["Content-Disposition"] = f'attachment; filename="vietqr-{order.number}.png"'
        response["Cache-Control"] = "private, no-store"
        return response


@method_decorator(csrf_exempt, name="dispatch")
class VNPayIPNView(View):
    """VNPay's server-to-server callback: the only place a VNPay order becomes paid.

    Answers with the codes the gateway expects; a repeated callback changes nothing.
    """

    def get(self, request):
        params = request.GET.dict()
        if not vnpay.is_signed(params):
            return self.answer("97", "Invalid Checksum")
        try:
            return self.record(params)
        except Exception:  # noqa: BLE001 - nothing was changed; VNPay calls again on "99"
            logger.exception("The VNPay IPN for order %s failed", params.get("vnp_TxnRef"))
            return self.answer("99", "Unknown error")

    def record(self, params):
        with transaction.atomic():
            order = (
                Order.objects.select_for_update()
                .filter(number=params.get("vnp_TxnRef", ""))
                .first()
            )
            if order is None:
                return self.answer("01", "Order not found")
            if params.get("vnp_Amount") != vnpay.to_gateway_amount(order.total_incl_tax):
                return self.answer("04", "Invalid amount")
            outcome = vnpay.outcome(params)
            reference = params.get("vnp_TransactionNo", "")
            # Money taken for an order the unpaid-order job cancelled is never lost.
            late = outcome != vnpay.FAILED and order.status == payment.CANCELLED
            if late and receivers.record_late_payment(order, reference):
                return self.answer("00", "Confirm Success")
            if order.status != payment.AWAITING_PAYMENT:
                return self.answer("02", "Order already confirmed")
            if outcome == vnpay.TO_REVIEW:
                receivers.record_payment_to_review(order, reference, params)
            elif outcome == vnpay.PAID:
                order.sources.update(reference=reference)
                order.set_status(payment.PAID)
            else:
                order.set_status(payment.CANCELLED)
        return self.answer("00", "Confirm Success")

    def answer(self, code, message):
        return JsonResponse({"RspCode": code, "Message": message})


class VNPayReturnView(View):
    """Where VNPay sends the buyer back: says how it went; the order itself changes only by IPN."""

    def get(self, request):
        params = request.GET.dict()
        own = Order.objects.filter(pk=request.session.get("checkout_order_id")).first()
        if not vnpay.is_signed(params):
            messages.error(request, _("The payment answer could not be verified."))
        elif own is None or own.number != params.get("vnp_TxnRef"):
            # A genuine answer about someone else's order tells this visitor nothing.
            messages.error(request, _("This payment answer is not about your order."))
            return redirect("basket:summary")
        elif vnpay.outcome(params) == vnpay.PAID:
            messages.success(request, _("VNPay accepted your payment. Thank you!"))
        elif vnpay.outcome(params) == vnpay.TO_REVIEW:
            messages.info(
                request,
                _(
                    "VNPay took your payment but is checking it further. We will check it with "
                    "VNPay and contact you: please do not pay again."
                ),
            )
        else:
            messages.warning(request, _("The payment was not completed."))
        return redirect("checkout:thank-you")


class ConfirmOrderView(TemplateView):
    """The order e-mail's "Confirm my order" link: a guest's cash-on-delivery order is confirmed
    (and kept past SHOP_UNCONFIRMED_ORDER_HOURS) by the button on this page.

    Opening the link changes nothing, so a mail scanner following it confirms nothing.
    """

    template_name = "oscar/checkout/confirm_order.html"

    def dispatch(self, request, *args, token, **kwargs):
        self.order = holds.order_from_token(token)
        if self.order is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        order = self.order
        return super().get_context_data(
            order=order,
            lines=order.lines.all(),
            awaiting=order.status == statuses.AWAITING_CONFIRMATION,
            cancelled=order.status == statuses.CANCELLED,
            status_label=statuses.label(order.status),
            status_path=emails.status_path(order),
            hours=settings.SHOP_UNCONFIRMED_ORDER_HOURS,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if holds.confirm(self.order):
            messages.success(
                request,
                _("Thank you: your order %(number)s is confirmed.") % {"number": self.order.number},
            )
        return redirect(request.path)
