"""Products: price and stock (live at once), names, descriptions, photos and claims (checked by
an editor), and the state of the changes proposed."""

from decimal import Decimal

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from oscar.core.loading import get_model

from catalogue.moderation import propose_change

from ..forms import NewProductForm, PriceStockForm, ProductForm
from .base import ProducerMixin, villages

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductChange = get_model("catalogue", "ProductChange")
StockRecord = get_model("partner", "StockRecord")


class ProductListView(ProducerMixin, ListView):
    template_name = "producers/product_list.html"
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

    template_name = "producers/product_form.html"

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
            form.save()  # the text and the claims were put back to the approved values
            waiting = propose_change(
                self.product,
                self.pending,
                form.proposed,
                form.cleaned_data.get("new_photos") or [],
                [image.pk for image in form.cleaned_data.get("remove_images") or []],
                request.user,
            )
        if waiting:
            messages.success(
                request,
                _(
                    "Saved. The new names, descriptions, photos or claims (OCOP, certificate, "
                    "village, indication, trademark) are shown once an editor approves them."
                ),
            )
        else:
            messages.success(request, _("Saved."))
        return redirect("producer:product-edit", pk=self.product.pk)


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
    template_name = "producers/product_form.html"

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
                form.proposed,
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

    template_name = "producers/change_list.html"
    context_object_name = "changes"
    paginate_by = 30

    def get_queryset(self):
        return ProductChange.objects.filter(product__producer=self.producer).select_related(
            "product"
        )
