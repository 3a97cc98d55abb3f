from django.urls import path

import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    name = "checkout"

    def ready(self):
        super().ready()
        from . import pickup, receivers  # noqa: F401

        self.shipping_address_view = pickup.ShippingAddressView

    def get_urls(self):
        from . import tracking, views

        urls = [
            path("vnpay/ipn/", views.VNPayIPNView.as_view(), name="vnpay-ipn"),
            path("vnpay/return/", views.VNPayReturnView.as_view(), name="vnpay-return"),
            path("communes/", views.CommunesView.as_view(), name="communes"),
            path("vietqr.png", views.VietQRImageView.as_view(), name="vietqr-image"),
            path("follow/", tracking.FollowOrderView.as_view(), name="follow-order"),
            path(
                "follow/<str:number>/",
                tracking.FollowedOrderView.as_view(),
                name="followed-order",
            ),
            path("confirm/<str:token>/", views.ConfirmOrderView.as_view(), name="confirm-order"),
        ]
        return super().get_urls() + self.post_process_urls(urls)
