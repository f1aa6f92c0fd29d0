from django.urls import path

from . import staff_views

urlpatterns = [
    path("", staff_views.data_request, name="helpers-data-request"),
    path("data.json", staff_views.data_request_json, name="helpers-data-request-json"),
    path("data.pdf", staff_views.data_request_pdf, name="helpers-data-request-pdf"),
    path("erase/", staff_views.data_request_erase, name="helpers-data-request-erase"),
]
