from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "everydoor.accounts"
    label = "accounts"
    verbose_name = "Staff accounts: roles, sign-in with a second factor, lockout"

    def ready(self):
        from django.contrib.auth.models import User
        from django.db.models.signals import m2m_changed, post_migrate

        from .roles import ensure_roles, staff_admin_follows_roles

        # Listed after every app whose permissions the roles use, so those exist by now.
        post_migrate.connect(lambda sender, **kwargs: ensure_roles(), sender=self, weak=False)
        m2m_changed.connect(staff_admin_follows_roles, sender=User.groups.through,
                            dispatch_uid="accounts-staff-admin-follows-roles")
