from django.contrib import admin

from everydoor.admin import site

from .models import Recording


@admin.register(Recording, site=site)
class RecordingAdmin(admin.ModelAdmin):
    """Editors listen to generated speech and may upload a person's reading to replace it."""

    list_display = ["language", "text", "source", "status", "created_at"]
    list_filter = ["language", "source", "status"]
    fields = ["language", "text", "source", "status", "audio"]
    readonly_fields = ["language", "text", "source", "status"]

    def has_add_permission(self, request):
        return False  # recordings belong to texts the site shows; they are made on first use

    def save_model(self, request, obj, form, change):
        if "audio" in form.changed_data and obj.audio:
            obj.source = Recording.Source.HUMAN
            obj.status = Recording.Status.READY
        super().save_model(request, obj, form, change)
