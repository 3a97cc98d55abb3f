from django.urls import path

from . import views

app_name = "staff"
urlpatterns = [
    path("", views.index, name="index"),
    path("audit/", views.audit_log, name="audit"),
    path("invite/", views.invite, name="invite"),
    path("invitation/<str:token>/", views.accept, name="accept"),
]
