"""The producer chooses which alerts and how (e-mail, SMS, Zalo), and sees the last ones sent."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from notifications.backends import channels
from notifications.models import Notification

from ..alerts import settings_of
from ..models import AlertSettings
from .base import ProducerMixin

CHANNEL_FIELDS = {"email": "by_email", "sms": "by_sms", "zalo": "by_zalo"}


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = AlertSettings
        fields = [
            "new_order",
            "cancellation",
            "booking",
            "low_stock",
            "low_stock_level",
            "by_email",
            "by_sms",
            "by_zalo",
            "email",
            "phone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offered = set(channels())
        for channel, field in CHANNEL_FIELDS.items():
            if channel not in offered:
                del self.fields[field]


class AlertsView(ProducerMixin, TemplateView):
    template_name = "producers/alerts.html"

    def recent(self):
        return Notification.objects.filter(
            owner_type=ContentType.objects.get_for_model(self.producer), owner_id=self.producer.pk
        )[:20]

    def get(self, request, *args, **kwargs):
        form = AlertSettingsForm(instance=settings_of(self.producer))
        return self.render_to_response(self.get_context_data(form=form, recent=self.recent()))

    def post(self, request, *args, **kwargs):
        form = AlertSettingsForm(request.POST, instance=settings_of(self.producer))
        if not form.is_valid():
            messages.error(request, _("Nothing was saved: please correct what is marked below."))
            return self.render_to_response(self.get_context_data(form=form, recent=self.recent()))
        form.save()
        messages.success(request, _("Alert settings saved."))
        return redirect("producer:alerts")
