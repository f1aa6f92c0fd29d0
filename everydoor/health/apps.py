from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "everydoor.health"
