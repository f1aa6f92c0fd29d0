from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "everydoor.languages"

    def ready(self):
        from . import checks  # noqa: F401  (registers the placeholder check)
        from .registry import install_language_info

        install_language_info()
