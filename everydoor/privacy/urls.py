from django.urls import path

from . import views

urlpatterns = [
    path("", views.enter_code, name="your-data"),
    path("held/", views.held, name="your-data-held"),
    path("held/my-data.json", views.download_json, name="your-data-json"),
    path("held/my-data.pdf", views.download_pdf, name="your-data-pdf"),
    path("consents/<slug:purpose>/withdraw/", views.withdraw, name="your-data-withdraw"),
    path("delete/", views.confirm_delete, name="your-data-delete"),
    path("delete/now/", views.delete, name="your-data-delete-now"),
    path("deleted/", views.deleted, name="your-data-deleted"),
    path("forget/", views.forget_code, name="your-data-forget"),
    path("research/withdraw/", views.withdraw_research, name="your-data-withdraw-research"),
]
