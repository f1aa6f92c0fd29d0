from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "everydoor.privacy"

    def ready(self):
        from . import checks  # noqa: F401  (registers the privacy facts and retention checks)
