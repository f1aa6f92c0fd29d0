from django.urls import path

from . import staff_views

urlpatterns = [
    path("", staff_views.equity_dashboard, name="equity-dashboard"),
    path("equity.csv", staff_views.equity_export, name="equity-export"),
    path("reference/", staff_views.upload_reference, name="equity-upload-reference"),
    path("refresh/", staff_views.refresh_now, name="equity-refresh"),
]
