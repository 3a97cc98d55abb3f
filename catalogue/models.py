"""Oscar's catalogue, forked: OCOP products of the craft villages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Made up for the demonstration site; not a real product."),
    )


from oscar.apps.catalogue.models import *  # noqa: E402, F403
