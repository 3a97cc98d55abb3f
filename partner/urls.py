"""The producer's space, mounted at /producer/ (in each language) before Oscar's shop."""

from django.urls import path

from . import views

app_name = "producer"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("products/", views.ProductListView.as_view(), name="product-list"),
    path("products/new/", views.ProductCreateView.as_view(), name="product-create"),
    path("products/<int:pk>/", views.ProductEditView.as_view(), name="product-edit"),
    path("products/<int:pk>/stock/", views.ProductStockView.as_view(), name="product-stock"),
    path("changes/", views.ChangeListView.as_view(), name="change-list"),
    path("batches/", views.BatchListView.as_view(), name="batch-list"),
    path("batches/new/", views.BatchFormView.as_view(), name="batch-create"),
    path("batches/<int:pk>/", views.BatchFormView.as_view(), name="batch-edit"),
    path("batches/<int:pk>/steps/", views.BatchStepCreateView.as_view(), name="step-create"),
    path(
        "batches/<int:pk>/certificates/",
        views.BatchCertificateCreateView.as_view(),
        name="certificate-create",
    ),
    path("steps/<int:pk>/", views.BatchStepEditView.as_view(), name="step-edit"),
    path("steps/<int:pk>/delete/", views.BatchStepDeleteView.as_view(), name="step-delete"),
    path(
        "certificates/<int:pk>/delete/",
        views.BatchCertificateDeleteView.as_view(),
        name="certificate-delete",
    ),
    path("orders/", views.OrderListView.as_view(), name="order-list"),
    path("orders/<str:number>/", views.OrderDetailView.as_view(), name="order-detail"),
    path("sales/", views.SalesView.as_view(), name="sales"),
    path("experiences/", views.ExperienceListView.as_view(), name="experience-list"),
    path(
        "experiences/<int:pk>/sessions/new/",
        views.SessionCreateView.as_view(),
        name="session-create",
    ),
    path("experiences/sessions/<int:pk>/", views.SessionEditView.as_view(), name="session-edit"),
    path(
        "experiences/sessions/<int:pk>/cancel/",
        views.SessionCancelView.as_view(),
        name="session-cancel",
    ),
]
