from django.apps import AppConfig


class ReadAloudConfig(AppConfig):
    name = "everydoor.readaloud"
    verbose_name = "Read-aloud audio"
