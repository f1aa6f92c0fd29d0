from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "everydoor.privacy"
