from django.apps import AppConfig


class EquityConfig(AppConfig):
    name = "everydoor.equity"
    label = "equity"
    verbose_name = "Equity markers and the services' dashboard"
