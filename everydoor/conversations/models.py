"""Conversations over SMS, WhatsApp and the phone: who is on the other end (by a keyed hash
of their number; the number itself is encrypted), what came in, and what went out."""

import hashlib
import hmac
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from everydoor.privacy.encryption import EncryptedTextField


class Channel(models.TextChoices):
    SMS = "sms", "SMS"
    WHATSAPP = "whatsapp", "WhatsApp"
    VOICE = "voice", "Phone call"
    WEB = "web", "Web"


def address_key(channel, address):
    """A stable, non-reversible key for a phone number, so a conversation can be found
    again without storing the number in a form that can be searched."""
    secret = f"conversation-address:{settings.SECRET_KEY}".encode()
    return hmac.new(secret, f"{channel}:{address}".encode(), hashlib.sha256).hexdigest()


class Contact(models.Model):
    """One phone number on one channel, and where its conversation has got to."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    # The provider it reached us through (a name in settings.CONVERSATION_PROVIDERS); replies go back that way.
    provider = models.CharField(max_length=32)
    address_key = models.CharField(max_length=64)
    address = EncryptedTextField()
    language = models.CharField(max_length=16, blank=True)
    # Where the journey is: {"step": ..., and what that step needs}. See journeys.py.
    state = models.JSONField(default=dict, blank=True)
    opted_out_at = models.DateTimeField(null=True, blank=True)
    # WhatsApp lets a business send free text only within 24 hours of the person's last message.
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    # The person said whether someone else might read or hear messages on this phone.
    safe_to_message = models.BooleanField(null=True, blank=True)
    reminders_wanted = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["channel", "address_key"], name="one_contact_per_address")]

    def __str__(self):
        return f"{self.get_channel_display()} contact {self.id}"

    @property
    def opted_out(self):
        return self.opted_out_at is not None


class InboundMessage(models.Model):
    """A message or keypress as the provider delivered it, stored before we acknowledge it.
    Unique on the provider's id: a repeated delivery is recognised and does nothing twice.

    The webhook stores only what came in (who it is from, as a keyed hash and encrypted);
    the worker finds or makes the contact, so acknowledging stays quick."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        PROCESSED = "processed", "Processed"

    id = models.BigAutoField(primary_key=True)
    provider = models.CharField(max_length=32)
    provider_message_id = models.CharField(max_length=64)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    address_key = models.CharField(max_length=64)
    # The sender's number until the message is processed; then the contact holds it.
    address = EncryptedTextField(blank=True)
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="inbound")
    body = EncryptedTextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provider", "provider_message_id"],
                                               name="one_inbound_per_provider_id")]
        indexes = [models.Index(fields=["status", "received_at"]),
                   models.Index(fields=["channel", "address_key", "status"], name="inbound_waiting_per_sender")]

    def __str__(self):
        return f"{self.provider} {self.provider_message_id} ({self.status})"


class OutboundMessage(models.Model):
    """A message we send. Sent by a task that retries with backoff; the provider's delivery
    reports update its status."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RETRYING = "retrying", "Waiting to retry"
        # Handed to the provider, answer not yet recorded. Left so by a worker that died
        # mid-send: the sweep asks the provider whether it took the message (see tasks.py).
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        NEEDS_TEMPLATE = "needs_template", "WhatsApp window closed: needs an approved template"
        NOT_SENT = "not_sent", "Not sent: the person opted out"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="outbound")
    # The message this answers, so processing an inbound message twice cannot reply twice.
    reply_to = models.ForeignKey(InboundMessage, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="replies")
    sequence = models.PositiveSmallIntegerField(default=0)
    # The one message an opted-out number still gets: the confirmation that it is opted out.
    confirms_opt_out = models.BooleanField(default=False)
    body = EncryptedTextField(blank=True)
    # An approved WhatsApp template (its name in settings.WHATSAPP_TEMPLATES) and its values.
    template = models.CharField(max_length=64, blank=True)
    template_values = models.JSONField(default=dict, blank=True)
    encoding = models.CharField(max_length=8, blank=True)
    segments = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    provider_message_id = models.CharField(max_length=64, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    send_after = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reply_to", "sequence"], name="one_reply_per_position")]

    def __str__(self):
        return f"Message {self.id} ({self.status})"


class DeliveryReport(models.Model):
    """One status callback from the provider (queued, sent, delivered, failed …), kept as sent."""

    provider_message_id = models.CharField(max_length=64)
    # Null when the report came before the send had recorded the provider's id.
    outbound = models.ForeignKey(OutboundMessage, null=True, on_delete=models.CASCADE, related_name="reports")
    status = models.CharField(max_length=32)
    error_code = models.CharField(max_length=16, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.provider_message_id}: {self.status}"


class CallbackRequest(models.Model):
    """Someone asked a helper to call them back, in their language."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a call"
        CALLED = "called", "Called"
        CLOSED = "closed", "Closed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="callback_requests")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    language = models.CharField(max_length=16)
    phone = EncryptedTextField()
    safe_to_leave_message = models.BooleanField(default=False)
    screening = models.ForeignKey("screening.Screening", null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Call back in {self.language} ({self.status})"


class CheckIn(models.Model):
    """A message the person asked for, some days on, asking how they are. Opt-in only."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        SENT = "sent", "Sent"
        CANCELLED = "cancelled", "Cancelled (opted out, or not safe to message)"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="check_ins")
    due_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Check-in {self.due_at:%Y-%m-%d} ({self.status})"
