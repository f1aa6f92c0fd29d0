from django.urls import path

from . import views

urlpatterns = [
    path("guides/", views.guide_list, name="guides"),
    path("guides/search/", views.guide_search, name="guide-search"),
    path("guides/<slug:slug>/", views.content_page, {"kind": "guide"}, name="guide"),
    path("guides/<slug:slug>/clear/", views.clarity_feedback, {"kind": "guide"}, name="guide-feedback"),
    path("self-help/<slug:slug>/", views.content_page, {"kind": "self-help-session"}, name="self-help-session"),
    path("self-help/<slug:slug>/clear/", views.clarity_feedback, {"kind": "self-help-session"},
         name="self-help-session-feedback"),
]
