import uuid

from django.db import models
from django.utils import timezone

from everydoor.privacy.encryption import EncryptedTextField


class Escalation(models.Model):
    """Someone signalled risk and asked a helper to contact them: urgent work for helpers."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CONTACTED = "contacted", "Contacted"
        CLOSED = "closed", "Closed"

    class Source(models.TextChoices):
        RISK_ANSWER = "risk_answer", "An answer that signals risk"
        NOT_SAFE_BUTTON = "not_safe_button", "Pressed 'I am not safe right now'"
        CONVERSATION = "conversation", "Asked for urgent help by SMS, WhatsApp or phone"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(max_length=32, choices=Source.choices)
    reasons = models.JSONField(default=list)
    language = models.CharField(max_length=16)
    screening = models.ForeignKey("screening.Screening", null=True, blank=True, on_delete=models.SET_NULL)
    contact_phone = EncryptedTextField()
    contact_consent = models.BooleanField()
    safe_to_leave_message = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Escalation {self.id} ({self.status})"
