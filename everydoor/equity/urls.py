from django.urls import path

from . import views

urlpatterns = [
    path("", views.about_you, name="about-you"),
    path("forget/", views.forget_about_you, name="forget-about-you"),
]
