"""What every page of the producer's space shares: its producer, found from the signed-in user."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from oscar.core.loading import get_model
from wagtail.coreutils import get_supported_content_language_variant

from ..access import producer_of

Product = get_model("catalogue", "Product")
Batch = get_model("catalogue", "Batch")
Line = get_model("order", "Line")
ExperiencePage = get_model("tours", "ExperiencePage")
ExperienceSession = get_model("tours", "ExperienceSession")


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
