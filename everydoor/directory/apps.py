from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "everydoor.directory"
    label = "directory"
    verbose_name = "Directory of services (Open Referral UK)"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .index import connect_signals

        post_migrate.connect(_directory_editors, sender=self)
        connect_signals()


def _directory_editors(sender, **kwargs):
    # After migrating, once Django has made the directory's permissions: the role exists in
    # every deployment without a separate step.
    from .curation import ensure_directory_editors

    ensure_directory_editors()
