from django.contrib import admin

from everydoor.admin import site

from . import models as m
from .outbound import in_whatsapp_window


@admin.register(m.CallbackRequest, site=site)
class CallbackRequestAdmin(admin.ModelAdmin):
    """The call-back queue: who asked, in which language, and whether a message may be left."""

    list_display = ["created_at", "language", "channel", "safe_to_leave_message", "status"]
    list_filter = ["status", "language", "channel"]
    fields = ["language", "channel", "phone", "safe_to_leave_message", "screening", "status", "created_at"]
    readonly_fields = ["language", "channel", "phone", "safe_to_leave_message", "screening", "created_at"]


@admin.register(m.Contact, site=site)
class ContactAdmin(admin.ModelAdmin):
    """Conversations; on WhatsApp, whether a free-text message can still be sent (24 hours)
    or only an approved template."""

    list_display = ["id", "channel", "language", "last_inbound_at", "whatsapp_window_open", "opted_out_at"]
    list_filter = ["channel", "language"]
    fields = ["channel", "provider", "language", "state", "last_inbound_at", "opted_out_at", "safe_to_message",
              "reminders_wanted", "created_at"]
    readonly_fields = fields

    @admin.display(boolean=True, description="Free text allowed")
    def whatsapp_window_open(self, contact):
        return in_whatsapp_window(contact) if contact.channel == m.Channel.WHATSAPP else None


@admin.register(m.OutboundMessage, site=site)
class OutboundMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "contact", "status", "segments", "encoding", "attempts", "error"]
    list_filter = ["status", "encoding"]
    fields = ["contact", "body", "template", "status", "segments", "encoding", "attempts", "error", "created_at"]
    readonly_fields = fields
