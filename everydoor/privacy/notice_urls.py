from django.urls import path

from . import notice_views

urlpatterns = [
    path("", notice_views.privacy_notice, name="privacy-notice"),
]
