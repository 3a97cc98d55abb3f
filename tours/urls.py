"""The guest's e-ticket, mounted at /ve/ in each language."""

from django.urls import path

from . import views

app_name = "tours"

urlpatterns = [path("<str:token>/", views.TicketView.as_view(), name="ticket")]
