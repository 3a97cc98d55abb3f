"""Producers' changes to their products, proposed, approved and rejected: one module for both halves.

Producers propose (`propose_change`, from the producer's space); shop editors approve or reject
them from their queue (/dashboard/moderation/), inside Oscar's dashboard. The queue is open to
users with the `catalogue.moderate_productchange` permission (the shop editor group). The photos a
change proposes are private files: its producer's people and the shop editors see them, through
`pending_photo`, and nobody else.
"""

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from oscar.core.loading import get_model

from .access import MODERATE_PERMISSION
from .storage import file_response

ProductChange = get_model("catalogue", "ProductChange")
PendingProductImage = get_model("catalogue", "PendingProductImage")


def html_to_text(html):
    """A stored HTML description as the plain text a producer edits (paragraphs kept)."""
    text = re.sub(r"</p>\s*|<br\s*/?>", "\n\n", html or "", flags=re.IGNORECASE)
    return re.sub(r"\n{3,}", "\n\n", strip_tags(text)).strip()


# --- the producer's half -------------------------------------------------------------------


def propose_change(product, pending, proposed, new_photos, removed_ids, user, is_new=False):
    """Put the text, claims, photo additions and removals that differ from the approved product
    into the product's one pending change (made, updated or dropped). True when something waits.

    `proposed` holds the fields of `ProductChange.FIELDS` as a change keeps them
    (`ProductChange.stored`): names and descriptions, and the claims the shop presents as
    verified (OCOP rating and certificate, geographical indication, trademark, village).
    """
    changed = {}
    for name, value in proposed.items():
        old = ProductChange.stored(product, name)
        if name.startswith("description"):
            if html_to_text(old) != html_to_text(value):
                changed[name] = value
        elif (old or "") != (value or ""):
            changed[name] = value if name in ProductChange.VERIFIED_FIELDS else value or ""
    if is_new:
        changed = {name: value for name, value in proposed.items() if value}
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


# --- the editors' half ---------------------------------------------------------------------


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


@require_safe
@never_cache
def pending_photo(request, pk):
    """A photo waiting for approval, for its producer's people and the shop editors; 404 to
    anyone else, signed in or not, so that its existence is not given away either."""
    photo = get_object_or_404(PendingProductImage.objects.select_related("change__product"), pk=pk)
    user = request.user
    producer_id = photo.change.product.producer_id
    allowed = user.is_authenticated and (
        user.has_perm(MODERATE_PERMISSION)
        or (producer_id is not None and user.partners.filter(pk=producer_id).exists())
    )
    if not allowed:
        raise Http404
    return file_response(photo.original, f"photo-{photo.pk}")


app_name = "moderation"

urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("<int:pk>/", ChangeView.as_view(), name="change"),
    path("photos/<int:pk>/", pending_photo, name="photo"),
]
