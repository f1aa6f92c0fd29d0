from django.apps import AppConfig


class HelpersConfig(AppConfig):
    name = "everydoor.helpers"
    label = "helpers"
    verbose_name = "Helpers' console: caseload, notes, supervision"

    def ready(self):
        from .cases import connect_sources

        connect_sources()
