from django.urls import path

from . import views

urlpatterns = [
    path("<uuid:recording_id>.opus", views.recording_audio, name="recording-audio"),
    path("<uuid:recording_id>.wav", views.telephone_audio, name="telephone-audio"),
]
