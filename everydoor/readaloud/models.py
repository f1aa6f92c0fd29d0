import uuid

from django.db import models
from django.utils import timezone


class Recording(models.Model):
    """Spoken audio for one text in one language. Keyed by a hash of the text, so a changed
    text gets a new recording and the old one is never played for it."""

    class Source(models.TextChoices):
        GENERATED = "generated", "Generated with espeak-ng"
        HUMAN = "human", "Recorded by a person"

    class Status(models.TextChoices):
        PENDING = "pending", "Being made"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be made"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    language = models.CharField(max_length=16)
    text_hash = models.CharField(max_length=64)
    text = models.TextField()
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.GENERATED)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    audio = models.FileField(upload_to="readaloud/", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "text_hash"], name="one_recording_per_text")]

    def __str__(self):
        return f"{self.language} {self.text[:40]} ({self.source}, {self.status})"
