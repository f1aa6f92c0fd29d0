from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "everydoor.directory"
    label = "directory"
    verbose_name = "Directory of services (Open Referral UK)"
