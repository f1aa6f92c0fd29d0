from django.urls import include, path

from .providers import provider_classes

# Each provider's webhooks under its own name: /conversations/twilio/sms/, …
urlpatterns = [path(f"{name}/", include(provider.urls)) for name, provider in provider_classes().items()
               if provider.urls]
