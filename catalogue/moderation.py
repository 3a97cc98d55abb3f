"""The shop editors' queue of producers' changes (/dashboard/moderation/), inside Oscar's dashboard.

Open to users with the `catalogue.moderate_productchange` permission (the shop editor group).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from oscar.core.loading import get_model

from .access import MODERATE_PERMISSION

ProductChange = get_model("catalogue", "ProductChange")


class ModeratorMixin(PermissionRequiredMixin):
    permission_required = MODERATE_PERMISSION


class QueueView(ModeratorMixin, ListView):
    template_name = "catalogue/moderation/queue.html"
    context_object_name = "changes"
    paginate_by = 50

    def get_queryset(self):
        state = self.request.GET.get("state", ProductChange.State.PENDING)
        if state not in ProductChange.State.values:
            state = ProductChange.State.PENDING
        self.state = state
        order = "proposed_at" if state == ProductChange.State.PENDING else "-decided_at"
        return (
            ProductChange.objects.filter(state=state)
            .select_related("product", "product__producer", "proposed_by", "decided_by")
            .order_by(order, "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            state=self.state, states=ProductChange.State.choices, **kwargs
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the producer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The producer reads this: say what to correct."),
    )


class ChangeView(ModeratorMixin, DetailView):
    template_name = "catalogue/moderation/change.html"
    context_object_name = "change"

    def get_queryset(self):
        return ProductChange.objects.select_related("product", "product__producer")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("reject_form", RejectForm())
        return super().get_context_data(**kwargs)

    def post(self, request, pk):
        self.object = change = get_object_or_404(
            self.get_queryset().filter(state=ProductChange.State.PENDING), pk=pk
        )
        if "approve" in request.POST:
            change.approve(request.user)
            messages.success(request, _("Approved: the product shows the new version."))
            return redirect("moderation:queue")
        form = RejectForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(reject_form=form))
        change.reject(request.user, form.cleaned_data["reason"])
        messages.success(request, _("Rejected: the producer sees your reason."))
        return redirect("moderation:queue")


app_name = "moderation"

urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("<int:pk>/", ChangeView.as_view(), name="change"),
]
