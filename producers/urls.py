"""The producer's space, mounted at /producer/ (in each language) before Oscar's shop."""

from django.urls import path

from .views import alerts, batches, experiences, home, orders, products, signin, statements

app_name = "producer"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("sign-in/phone/", signin.PhoneSignInView.as_view(), name="signin-phone"),
    path("sign-in/code/", signin.CodeSignInView.as_view(), name="signin-code"),
    path("alerts/", alerts.AlertsView.as_view(), name="alerts"),
    path("products/", products.ProductListView.as_view(), name="product-list"),
    path("products/new/", products.ProductCreateView.as_view(), name="product-create"),
    path("products/<int:pk>/", products.ProductEditView.as_view(), name="product-edit"),
    path("products/<int:pk>/stock/", products.ProductStockView.as_view(), name="product-stock"),
    path("changes/", products.ChangeListView.as_view(), name="change-list"),
    path("batches/", batches.BatchListView.as_view(), name="batch-list"),
    path("batches/new/", batches.BatchFormView.as_view(), name="batch-create"),
    path("batches/<int:pk>/", batches.BatchFormView.as_view(), name="batch-edit"),
    path("batches/<int:pk>/steps/", batches.BatchStepCreateView.as_view(), name="step-create"),
    path(
        "batches/<int:pk>/certificates/",
        batches.BatchCertificateCreateView.as_view(),
        name="certificate-create",
    ),
    path("steps/<int:pk>/", batches.BatchStepEditView.as_view(), name="step-edit"),
    path("steps/<int:pk>/delete/", batches.BatchStepDeleteView.as_view(), name="step-delete"),
    path(
        "certificates/<int:pk>/delete/",
        batches.BatchCertificateDeleteView.as_view(),
        name="certificate-delete",
    ),
    path("orders/", orders.OrderListView.as_view(), name="order-list"),
    path("orders/<str:number>/", orders.OrderDetailView.as_view(), name="order-detail"),
    path("sales/", orders.SalesView.as_view(), name="sales"),
    path("statements/", statements.StatementLatestView.as_view(), name="statement-latest"),
    path(
        "statements/<int:year>/<int:month>/",
        statements.StatementView.as_view(),
        name="statement",
    ),
    path(
        "statements/<int:year>/<int:month>/xlsx/",
        statements.StatementXlsxView.as_view(),
        name="statement-xlsx",
    ),
    path(
        "statements/all/<int:year>/<int:month>/",
        statements.StaffStatementListView.as_view(),
        name="statement-staff",
    ),
    path("experiences/", experiences.ExperienceListView.as_view(), name="experience-list"),
    path(
        "experiences/<int:pk>/sessions/new/",
        experiences.SessionCreateView.as_view(),
        name="session-create",
    ),
    path(
        "experiences/sessions/<int:pk>/", experiences.SessionEditView.as_view(), name="session-edit"
    ),
    path(
        "experiences/sessions/<int:pk>/cancel/",
        experiences.SessionCancelView.as_view(),
        name="session-cancel",
    ),
    path(
        "experiences/sessions/<int:pk>/guests/",
        experiences.GuestListView.as_view(),
        name="guest-list",
    ),
    path("bookings/<str:code>/", experiences.BookingScanView.as_view(), name="booking-scan"),
]
