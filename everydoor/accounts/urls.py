from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("", views.staff_home, name="staff-home"),
    path("login/", views.sign_in, name="staff-login"),
    path("logout/", auth_views.LogoutView.as_view(), name="staff-logout"),
    path("two-factor/", views.two_factor, name="staff-two-factor"),
    path("two-factor/app.svg", views.enrolment_picture, name="staff-two-factor-picture"),
]
