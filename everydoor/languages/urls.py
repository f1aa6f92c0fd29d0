from django.urls import path

from . import views

urlpatterns = [
    path("", views.choose_language, name="choose-language"),
]
