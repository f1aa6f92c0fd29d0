from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "everydoor.referrals"
    verbose_name = "Self-referrals"
