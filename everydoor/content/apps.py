from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "everydoor.content"
    label = "content"
    verbose_name = "Guides and self-help content"

    def ready(self):
        from . import placeholders, publishing  # noqa: F401  (they connect signal handlers)
