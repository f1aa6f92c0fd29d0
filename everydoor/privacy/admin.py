from django.contrib import admin

from everydoor.admin import site

from .models import AuditEvent


@admin.register(AuditEvent, site=site)
class AuditEventAdmin(admin.ModelAdmin):
    """Read only: the log is evidence, so nobody edits or deletes it here."""

    list_display = ["at", "actor_name", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_name", "object_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
