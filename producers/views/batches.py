"""Production batches, their trace steps and their certificates."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from oscar.core.loading import get_model

from ..forms import BatchCertificateForm, BatchForm, BatchStepForm
from .base import ProducerMixin

BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")


class BatchListView(ProducerMixin, ListView):
    template_name = "producers/batch_list.html"
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

    template_name = "producers/batch_form.html"

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
        batch = form.save_batch() if form.is_valid() else None
        if batch is None:
            messages.error(request, _("Nothing was saved: please correct what is marked below."))
            return self.render_to_response(self.get_context_data(form=form))
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
    template_name = "producers/step_form.html"

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
