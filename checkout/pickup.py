"""The address step, where the buyer also says how the order reaches them: delivered within
Vietnam, or collected at a showroom (then only a name and a phone are asked, from any country).

A showroom chosen here is the order's shipping method, so the shipping-method step is skipped;
shipping/repository.py offers only what was chosen.
"""

from oscar.apps.checkout import views as oscar_views

from .forms import DELIVERY

RECEIVE = ("shipping", "receive")


class ShippingAddressView(oscar_views.ShippingAddressView):
    def get_initial(self):
        initial = super().get_initial() or {}
        receive = self.checkout_session._get(*RECEIVE)
        return {**initial, "receive": receive} if receive else initial

    def form_valid(self, form):
        response = super().form_valid(form)
        receive = form.cleaned_data.get("receive") or DELIVERY
        self.checkout_session._set(*RECEIVE, receive)
        if receive != DELIVERY:
            self.checkout_session.use_shipping_method(receive)
        return response
