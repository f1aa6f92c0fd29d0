from django.urls import path

from . import views

urlpatterns = [
    path("", views.start_page, name="referral-start"),
    path("start/", views.start, name="referral-begin"),
    path("check/", views.check, name="referral-check"),
    path("sent/", views.sent, name="referral-sent"),
    path("status/", views.status, name="referral-status"),
    path("<slug:slug>/", views.step, name="referral-step"),
]
