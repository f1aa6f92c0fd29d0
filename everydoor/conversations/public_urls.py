from django.urls import path

from . import web

urlpatterns = [
    path("", web.talk, name="talk"),
]
