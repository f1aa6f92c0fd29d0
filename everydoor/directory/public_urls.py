from django.urls import path

from . import views

urlpatterns = [
    path("", views.find_services, name="find-services"),
    path("print/", views.printable_list, name="services-print"),
]
