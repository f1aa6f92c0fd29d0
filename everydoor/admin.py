"""The staff admin at /staff/admin/: services and their staff, staff accounts, the audit log.

Our own AdminSite only to send Referrer-Policy: same-origin on its pages, as on every page
with a form (see everydoor/privacy/referrer.py); otherwise Chromium's POSTs fail CSRF."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from everydoor.privacy.referrer import referrer_policy_for_forms


class StaffAdminSite(admin.AdminSite):
    site_header = "EveryDoor administration"
    site_title = "EveryDoor administration"

    def admin_view(self, view, cacheable=False):
        return referrer_policy_for_forms(super().admin_view(view, cacheable))

    def login(self, request, extra_context=None):
        return referrer_policy_for_forms(super().login)(request, extra_context)


class StaffUserAdmin(UserAdmin):
    """Administrators give staff their roles (groups). Only a superuser (set up from the
    command line) can make a superuser or grant single permissions: otherwise anyone who can
    change accounts could give themselves every right, past the roles and their audit."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields


site = StaffAdminSite(name="admin")
site.register(User, StaffUserAdmin)
site.register(Group, GroupAdmin)
