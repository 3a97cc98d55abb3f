"""The producer's space (/producer/): its products, batches, orders, sales and experience sessions,
and nothing else.

Why not Oscar's dashboard for producers: its product form writes names and descriptions straight
onto the public product (no moderation), it is built for a desk, and its order page shows every
line of an order. Here every query starts from the signed-in user's producer, so another
producer's objects are simply not found (404).
"""

from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from oscar.apps.order.exceptions import InvalidShippingEvent
from oscar.core.loading import get_model
from wagtail.coreutils import get_supported_content_language_variant

from checkout import statuses
from checkout.fulfilment import NOT_SHIPPABLE, mark_shipped, shipped_event_type
from checkout.statuses import CANCELLED
from tours.booking import seats_booked
from tours.schedule import SessionRefused, add_session, cancel_session, change_session

from .forms import (
    BatchCertificateForm,
    BatchForm,
    BatchStepForm,
    NewProductForm,
    PriceStockForm,
    ProductForm,
    SessionForm,
    ShipForm,
    html_to_text,
)

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductChange = get_model("catalogue", "ProductChange")
PendingProductImage = get_model("catalogue", "PendingProductImage")
Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
ExperiencePage = get_model("tours", "ExperiencePage")
ExperienceSession = get_model("tours", "ExperienceSession")


def producer_of(user):
    """The producer (partner) a user works for, or None. A person works for one producer."""
    if not user.is_authenticated:
        return None
    return user.partners.order_by("pk").first()


def villages():
    VillagePage = get_model("villages", "VillagePage")
    return VillagePage.objects.live().filter(locale__language_code="vi").order_by("title")


class ProducerMixin(LoginRequiredMixin):
    """Signed-in users of a producer only; `self.producer` is theirs."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.producer = producer_of(request.user)
        if self.producer is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def products(self):
        return Product.objects.filter(producer=self.producer)

    def batches(self):
        return Batch.objects.filter(product__producer=self.producer)

    def order_lines(self):
        return Line.objects.filter(partner=self.producer)

    def experiences(self):
        """The experiences it hosts, as their pages in the default language, which hold sessions."""
        return ExperiencePage.objects.filter(
            producer=self.producer,
            locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE),
            alias_of__isnull=True,
        )

    def sessions(self):
        return ExperienceSession.objects.filter(experience__in=self.experiences())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            producer=self.producer, hosts_experiences=self.experiences().exists(), **kwargs
        )


# --- products ------------------------------------------------------------------------------


class ProductListView(ProducerMixin, ListView):
    template_name = "partner/space/product_list.html"
    context_object_name = "products"

    def get_queryset(self):
        pending = ProductChange.objects.filter(state=ProductChange.State.PENDING)
        return (
            self.products()
            .prefetch_related(
                Prefetch(
                    "stockrecords",
                    queryset=StockRecord.objects.filter(partner=self.producer),
                    to_attr="own_stock",
                ),
                Prefetch("changes", queryset=pending, to_attr="pending_changes"),
                "images",
            )
            .order_by("title")
        )


def stockrecord_for(product, producer):
    record = product.stockrecords.filter(partner=producer).first()
    if record is None:
        record = StockRecord(
            product=product, partner=producer, partner_sku=f"{producer.code}-{product.pk}"
        )
    return record


class ProductEditView(ProducerMixin, TemplateView):
    """One page per product: price and stock at the top, then what an editor checks."""

    template_name = "partner/space/product_form.html"

    def setup_product(self):
        self.product = get_object_or_404(self.products(), pk=self.kwargs["pk"])
        self.stockrecord = stockrecord_for(self.product, self.producer)
        self.pending = self.product.changes.filter(state=ProductChange.State.PENDING).first()

    def get(self, request, *args, **kwargs):
        self.setup_product()
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("stock_form", self.stock_form())
        kwargs.setdefault(
            "form", ProductForm(instance=self.product, pending=self.pending, villages=villages())
        )
        return super().get_context_data(
            product=self.product,
            pending=self.pending,
            changes=self.product.changes.all()[:5],
            stockrecord=self.stockrecord,
            **kwargs,
        )

    def stock_form(self, data=None):
        initial = {
            "price": int(self.stockrecord.price) if self.stockrecord.price is not None else None,
            "num_in_stock": self.stockrecord.net_stock_level if self.stockrecord.pk else None,
        }
        return PriceStockForm(data, initial=initial)

    def post(self, request, *args, **kwargs):
        self.setup_product()
        form = ProductForm(
            request.POST,
            request.FILES,
            instance=self.product,
            pending=self.pending,
            villages=villages(),
        )
        if not form.is_valid():
            messages.error(request, _("Nothing was saved: please correct what is marked below."))
            return self.render_to_response(self.get_context_data(form=form), status=200)
        with transaction.atomic():
            form.save()  # the text fields were put back to the approved values
            waiting = propose_change(
                self.product,
                self.pending,
                form.proposed_text,
                form.cleaned_data.get("new_photos") or [],
                [image.pk for image in form.cleaned_data.get("remove_images") or []],
                request.user,
            )
        if waiting:
            messages.success(
                request,
                _(
                    "Saved. The new names, descriptions or photos are shown once an editor approves them."
                ),
            )
        else:
            messages.success(request, _("Saved."))
        return redirect("producer:product-edit", pk=self.product.pk)


def propose_change(product, pending, proposed_text, new_photos, removed_ids, user, is_new=False):
    """Put the text, photo additions and removals that differ from the approved product into
    the product's one pending change (made, updated or dropped). True when something waits."""
    changed = {}
    for name, value in proposed_text.items():
        old = getattr(product, name) or ""
        if name.startswith("description"):
            if html_to_text(old) != html_to_text(value):
                changed[name] = value
        elif old != (value or ""):
            changed[name] = value or ""
    if is_new:
        changed = {name: value for name, value in proposed_text.items() if value}
    has_photos = bool(new_photos) or (pending is not None and pending.images.exists())
    if not (changed or removed_ids or has_photos or is_new or (pending and pending.is_new)):
        if pending is not None:
            pending.delete()
        return False
    if pending is None:
        pending = ProductChange(product=product, is_new=is_new)
    pending.proposed = changed
    pending.removed_image_ids = removed_ids
    pending.proposed_by = user
    pending.proposed_at = timezone.now()
    pending.save()
    for photo in new_photos:
        PendingProductImage.objects.create(change=pending, original=photo, caption=product.title)
    return True


def save_price_and_stock(stockrecord, price, can_still_be_ordered):
    """Write the producer's price and stock under the stock row's lock.

    The producer counts what buyers can still order; units held by orders not yet sent stay in
    Oscar's num_in_stock until they ship. The held count is read under the lock, and only price and
    stock are written, so a hold a buyer's checkout made a moment ago is never erased.
    """
    with transaction.atomic():
        if stockrecord.pk is None:
            stockrecord.num_in_stock = 0
            stockrecord.price = price
            stockrecord.save()
        locked = StockRecord.objects.select_for_update().get(pk=stockrecord.pk)
        locked.price = price
        locked.num_in_stock = can_still_be_ordered + (locked.num_allocated or 0)
        locked.save(update_fields=["price", "num_in_stock", "date_updated"])
    return locked


class ProductStockView(ProducerMixin, View):
    """Price and stock: live on the shop as soon as they are saved."""

    def post(self, request, pk):
        product = get_object_or_404(self.products(), pk=pk)
        stockrecord = stockrecord_for(product, self.producer)
        form = PriceStockForm(request.POST)
        if not form.is_valid():
            view = ProductEditView(request=request, kwargs={"pk": pk}, args=())
            view.producer = self.producer
            view.setup_product()
            messages.error(request, _("Nothing was saved: please correct what is marked below."))
            return view.render_to_response(view.get_context_data(stock_form=form))
        save_price_and_stock(
            stockrecord, Decimal(form.cleaned_data["price"]), form.cleaned_data["num_in_stock"]
        )
        messages.success(request, _("Price and stock saved. Buyers see them now."))
        return redirect("producer:product-edit", pk=product.pk)


class ProductCreateView(ProducerMixin, TemplateView):
    template_name = "partner/space/product_form.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def make_form(self, data=None, files=None):
        product = Product(
            producer=self.producer,
            product_class=self.product_class(),
            structure=Product.STANDALONE,
            is_public=False,
        )
        return NewProductForm(data, files, instance=product, villages=villages())

    def product_class(self):
        used = (
            ProductClass.objects.filter(products__producer=self.producer)
            .annotate(uses=Count("products"))
            .order_by("-uses")
            .first()
        )
        return used or ProductClass.objects.filter(track_stock=True).order_by("pk").first()

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Nothing was saved: please correct what is marked below."))
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            product = form.save()
            StockRecord.objects.create(
                product=product,
                partner=self.producer,
                partner_sku=f"{self.producer.code}-{product.pk}",
                price=Decimal(form.cleaned_data["price"]),
                num_in_stock=form.cleaned_data["num_in_stock"],
            )
            propose_change(
                product,
                None,
                form.proposed_text,
                form.cleaned_data.get("new_photos") or [],
                [],
                request.user,
                is_new=True,
            )
        messages.success(
            request, _("Product saved. Buyers will see it once an editor approves it.")
        )
        return redirect("producer:product-edit", pk=product.pk)


class ChangeListView(ProducerMixin, ListView):
    """The state of each change the producer proposed, and why one was rejected."""

    template_name = "partner/space/change_list.html"
    context_object_name = "changes"
    paginate_by = 30

    def get_queryset(self):
        return ProductChange.objects.filter(product__producer=self.producer).select_related(
            "product"
        )


# --- batches -------------------------------------------------------------------------------


class BatchListView(ProducerMixin, ListView):
    template_name = "partner/space/batch_list.html"
    context_object_name = "batches"
    paginate_by = 50

    def get_queryset(self):
        return (
            self.batches()
            .select_related("product")
            .annotate(step_count=Count("steps"))
            .order_by("-production_date", "lot_code")
        )


class BatchFormView(ProducerMixin, TemplateView):
    """A batch (new or existing), its trace steps and its certificates on one page."""

    template_name = "partner/space/batch_form.html"

    def get_batch(self):
        if "pk" in self.kwargs:
            return get_object_or_404(self.batches().select_related("product"), pk=self.kwargs["pk"])
        return None

    def get_context_data(self, **kwargs):
        batch = self.batch
        kwargs.setdefault("form", BatchForm(instance=batch, products=self.products()))
        if batch is not None:
            kwargs.setdefault("step_form", BatchStepForm())
            kwargs.setdefault("certificate_form", BatchCertificateForm())
        return super().get_context_data(batch=batch, **kwargs)

    def get(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        form = BatchForm(request.POST, instance=self.batch, products=self.products())
        if not form.is_valid():
            messages.error(request, _("Nothing was saved: please correct what is marked below."))
            return self.render_to_response(self.get_context_data(form=form))
        batch = form.save()
        messages.success(request, _("Batch saved. Add its steps below."))
        return redirect("producer:batch-edit", pk=batch.pk)


class BatchStepCreateView(BatchFormView):
    def post(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        form = BatchStepForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The step was not saved: please correct what is marked."))
            return self.render_to_response(self.get_context_data(step_form=form))
        form.instance.batch = self.batch
        form.save()
        messages.success(request, _("Step added. It shows on the batch's trace page."))
        return redirect("producer:batch-edit", pk=self.batch.pk)

    def get(self, request, *args, **kwargs):
        return redirect("producer:batch-edit", pk=self.get_batch().pk)


class BatchCertificateCreateView(BatchFormView):
    def post(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        form = BatchCertificateForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("The file was not saved: please correct what is marked."))
            return self.render_to_response(self.get_context_data(certificate_form=form))
        form.instance.batch = self.batch
        form.save()
        messages.success(request, _("Certificate added."))
        return redirect("producer:batch-edit", pk=self.batch.pk)

    def get(self, request, *args, **kwargs):
        return redirect("producer:batch-edit", pk=self.get_batch().pk)


class BatchStepEditView(ProducerMixin, TemplateView):
    template_name = "partner/space/step_form.html"

    def get_step(self):
        return get_object_or_404(
            BatchStep.objects.filter(batch__product__producer=self.producer).select_related(
                "batch"
            ),
            pk=self.kwargs["pk"],
        )

    def get(self, request, *args, **kwargs):
        step = self.get_step()
        return self.render_to_response(
            self.get_context_data(step=step, form=BatchStepForm(instance=step))
        )

    def post(self, request, *args, **kwargs):
        step = self.get_step()
        form = BatchStepForm(request.POST, instance=step)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(step=step, form=form))
        form.save()
        messages.success(request, _("Step saved."))
        return redirect("producer:batch-edit", pk=step.batch_id)


class DeleteOwnView(ProducerMixin, View):
    """POST-only removal of a step or a certificate of one of the producer's batches."""

    model = None

    def post(self, request, pk):
        item = get_object_or_404(
            self.model.objects.filter(batch__product__producer=self.producer), pk=pk
        )
        batch_id = item.batch_id
        item.delete()
        messages.success(request, _("Removed."))
        return redirect("producer:batch-edit", pk=batch_id)


class BatchStepDeleteView(DeleteOwnView):
    model = BatchStep


class BatchCertificateDeleteView(DeleteOwnView):
    model = BatchCertificate


# --- orders and sales ----------------------------------------------------------------------

# The buyer's street address and phone reach the producer only once the order is to be sent: paid,
# cash on delivery received ("Pending") or later. An order awaiting its payment or transfer,
# cancelled, or in any other status (one under review included) shows its province only.
ADDRESS_SHOWN = {
    statuses.PENDING,
    statuses.PAID,
    statuses.BEING_PROCESSED,
    statuses.SHIPPED,
    statuses.COMPLETE,
}


def shows_address(order):
    return order.status in ADDRESS_SHOWN


class OrderListView(ProducerMixin, ListView):
    template_name = "partner/space/order_list.html"
    context_object_name = "orders"
    paginate_by = 30

    def get_queryset(self):
        own = Q(lines__partner=self.producer)
        return (
            Order.objects.filter(own)
            .annotate(
                own_units=Sum("lines__quantity", filter=own),
                own_total=Sum("lines__line_price_incl_tax", filter=own),
            )
            .select_related("shipping_address")
            .order_by("-date_placed")
        )


class OrderDetailView(ProducerMixin, TemplateView):
    """Only this producer's lines of the order, and where to send them."""

    template_name = "partner/space/order_detail.html"

    def get_order(self):
        orders = Order.objects.filter(lines__partner=self.producer).distinct()
        return get_object_or_404(
            orders.select_related("shipping_address"), number=self.kwargs["number"]
        )

    def own_lines(self, order):
        return order.lines.filter(partner=self.producer).order_by("pk")

    def unshipped(self, order, event_type):
        return [
            line
            for line in self.own_lines(order)
            if line.shipping_event_quantity(event_type) < line.quantity
        ]

    def get_context_data(self, **kwargs):
        order = self.order
        event_type = shipped_event_type()
        lines = list(self.own_lines(order).prefetch_related("shipping_events"))
        for line in lines:
            events = [
                event
                for event in line.shipping_events.all()
                if event.event_type_id == event_type.pk
            ]
            line.shipped_quantity = line.shipping_event_quantity(event_type)
            line.tracking_numbers = [event.notes for event in events if event.notes]
        unshipped = self.unshipped(order, event_type)
        if unshipped and order.status not in NOT_SHIPPABLE:
            kwargs.setdefault(
                "ship_form",
                ShipForm(
                    lines=self.own_lines(order).filter(pk__in=[line.pk for line in unshipped])
                ),
            )
        shown = shows_address(order)
        return super().get_context_data(
            order=order,
            lines=lines,
            address=order.shipping_address if shown else None,
            province=order.shipping_address.state if order.shipping_address else "",
            own_total=sum((line.line_price_incl_tax for line in lines), Decimal(0)),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        self.order = self.get_order()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.order = order = self.get_order()
        event_type = shipped_event_type()
        unshipped = self.unshipped(order, event_type)
        form = ShipForm(
            request.POST,
            lines=self.own_lines(order).filter(pk__in=[line.pk for line in unshipped]),
        )
        if order.status in NOT_SHIPPABLE or not form.is_valid():
            messages.error(request, _("Nothing was marked: please correct what is marked below."))
            return self.render_to_response(self.get_context_data(ship_form=form))
        try:
            mark_shipped(
                order,
                list(form.cleaned_data["lines"]),
                form.cleaned_data["tracking_number"],
                user=request.user,
            )
        except InvalidShippingEvent as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(ship_form=form))
        messages.success(request, _("Marked as sent. The buyer is told by e-mail."))
        return HttpResponseRedirect(reverse("producer:order-detail", args=[order.number]))


class SalesView(ProducerMixin, TemplateView):
    """Orders, units and revenue per product, and how often each batch's QR code was scanned."""

    template_name = "partner/space/sales.html"

    def get_context_data(self, **kwargs):
        lines = self.order_lines().exclude(order__status=CANCELLED)
        per_product = (
            lines.values("product_id", "title")
            .annotate(
                orders=Count("order", distinct=True),
                units=Sum("quantity"),
                revenue=Sum("line_price_incl_tax"),
            )
            .order_by("-revenue")
        )
        totals = lines.aggregate(
            orders=Count("order", distinct=True),
            units=Sum("quantity"),
            revenue=Sum("line_price_incl_tax"),
        )
        batches = self.batches().select_related("product").order_by("-scan_count", "lot_code")
        return super().get_context_data(
            per_product=per_product,
            totals=totals,
            batches=batches[:100],
            total_scans=self.batches().aggregate(total=Sum("scan_count"))["total"] or 0,
            **kwargs,
        )


# --- experience sessions -------------------------------------------------------------------


class ExperienceListView(ProducerMixin, TemplateView):
    """Each experience it hosts with its sessions to come: seats, seats booked, seats left."""

    template_name = "partner/space/experience_list.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        upcoming = (
            ExperienceSession.objects.filter(starts_at__gt=now)
            .annotate(booked=seats_booked())
            .order_by("starts_at")
        )
        experiences = list(
            self.experiences()
            .annotate(past_count=Count("sessions", filter=Q(sessions__starts_at__lte=now)))
            .prefetch_related(Prefetch("sessions", queryset=upcoming, to_attr="upcoming"))
            .order_by("title")
        )
        for experience in experiences:
            for session in experience.upcoming:
                session.left = max(0, session.seats - session.booked)
        return super().get_context_data(experiences=experiences, **kwargs)


def save_session(request, form, change, success):
    """Make `change(starts_at, seats)` from a valid form; the redirect to the list, or None
    (the form then carries the errors, the schedule's refusals included)."""
    if form.is_valid():
        try:
            change(form.cleaned_data["starts_at"], form.cleaned_data["seats"])
        except SessionRefused as refusal:
            form.add_error(refusal.field, refusal.message)
        else:
            messages.success(request, success)
            return redirect("producer:experience-list")
    messages.error(request, _("Nothing was saved: please correct what is marked below."))
    return None


class SessionCreateView(ProducerMixin, TemplateView):
    """A new session: on sale at once (no editor's approval, like price and stock)."""

    template_name = "partner/space/session_form.html"

    def get(self, request, pk):
        experience = get_object_or_404(self.experiences(), pk=pk)
        return self.render_to_response(
            self.get_context_data(experience=experience, form=SessionForm())
        )

    def post(self, request, pk):
        experience = get_object_or_404(self.experiences(), pk=pk)
        form = SessionForm(request.POST)
        done = save_session(
            request,
            form,
            lambda starts_at, seats: add_session(experience, request.user, starts_at, seats),
            _("Session added. Visitors can book it now.")
            if experience.live
            else _("Session added. Visitors see it once an editor publishes the experience."),
        )
        return done or self.render_to_response(
            self.get_context_data(experience=experience, form=form)
        )


class SessionEditView(ProducerMixin, TemplateView):
    """A session's day, time and seats, changed at once; or the session cancelled."""

    template_name = "partner/space/session_form.html"

    def get_session(self):
        session = get_object_or_404(
            self.sessions().select_related("experience").annotate(booked=seats_booked()),
            pk=self.kwargs["pk"],
        )
        if session.has_started:
            messages.error(self.request, _("This session has begun: it can no longer be changed."))
            return None
        return session

    def get(self, request, pk):
        session = self.get_session()
        if session is None:
            return redirect("producer:experience-list")
        form = SessionForm.for_session(session, booked=session.booked)
        return self.render_to_response(self.get_context_data(session=session, form=form))

    def get_context_data(self, session, **kwargs):
        return super().get_context_data(
            session=session,
            experience=session.experience,
            seats_left=max(0, session.seats - session.booked),
            **kwargs,
        )

    def post(self, request, pk):
        session = self.get_session()
        if session is None:
            return redirect("producer:experience-list")
        form = SessionForm(request.POST, booked=session.booked)
        done = save_session(
            request,
            form,
            lambda starts_at, seats: change_session(session, request.user, starts_at, seats),
            _("Session saved. Visitors see the change now.")
            if session.experience.live
            else _("Session saved. Visitors see it once an editor publishes the experience."),
        )
        return done or self.render_to_response(self.get_context_data(session=session, form=form))


class SessionCancelView(SessionEditView):
    """POST only: a session nobody has booked is removed (one with bookings stays)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        session = self.get_session()
        if session is None:
            return redirect("producer:experience-list")
        try:
            cancel_session(session, request.user)
        except SessionRefused as refusal:
            messages.error(request, refusal.message)
            return redirect("producer:session-edit", pk=session.pk)
        messages.success(request, _("Session cancelled."))
        return redirect("producer:experience-list")


class HomeView(ProducerMixin, TemplateView):
    """The start page: what needs doing (orders to send, changes waiting) and where to go."""

    template_name = "partner/space/home.html"

    def get_context_data(self, **kwargs):
        event_type = shipped_event_type()
        own = self.order_lines().exclude(order__status=CANCELLED)
        shipped_lines = own.filter(shipping_event_quantities__event__event_type=event_type)
        return super().get_context_data(
            product_count=self.products().count(),
            waiting_changes=ProductChange.objects.filter(
                product__producer=self.producer, state=ProductChange.State.PENDING
            ).count(),
            rejected_changes=ProductChange.objects.filter(
                product__producer=self.producer, state=ProductChange.State.REJECTED
            ).count(),
            orders_to_send=own.exclude(pk__in=shipped_lines).values("order").distinct().count(),
            batch_count=self.batches().count(),
            upcoming_sessions=self.sessions().filter(starts_at__gt=timezone.now()).count(),
            **kwargs,
        )
