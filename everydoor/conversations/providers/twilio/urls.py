from django.urls import path

from . import views

urlpatterns = [
    path("messages/", views.message_received, name="twilio-messages"),
    path("status/", views.status_report, name="twilio-status"),
    path("voice/", views.call_started, name="twilio-voice"),
    path("voice/gather/", views.keys_pressed, name="twilio-voice-gather"),
]
