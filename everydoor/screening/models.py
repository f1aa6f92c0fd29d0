import secrets
import uuid

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .instruments import forget_loaded_instruments

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read aloud or copied by hand stays right.
CONTINUE_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
CONTINUE_CODE_LENGTH = 10  # 25**10, about 9.5e13 codes


def new_continue_code():
    characters = "".join(secrets.choice(CONTINUE_CODE_ALPHABET) for _ in range(CONTINUE_CODE_LENGTH))
    return f"{characters[:5]}-{characters[5:]}"


def normalise_continue_code(typed):
    """Accept a code as people type it: any case, with or without spaces and dashes."""
    characters = "".join(ch for ch in typed.upper() if ch.isalnum())
    return f"{characters[:5]}-{characters[5:]}" if len(characters) == CONTINUE_CODE_LENGTH else None


class Screening(models.Model):
    """One person answering one questionnaire. Anonymous: no name, no contact details."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    continue_code = models.CharField(max_length=11, unique=True, default=new_continue_code)
    instrument_id = models.CharField(max_length=64)
    language = models.CharField(max_length=16)
    translation_status = models.CharField(max_length=16)
    channel = models.CharField(max_length=16, default="web")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IN_PROGRESS)
    # {linkId: answer code}
    answers = models.JSONField(default=dict)
    risk_reasons = models.JSONField(default=list)
    # Set by the one-page form so that sending it twice records one screening, not two.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    result = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["instrument_id", "status"])]

    def __str__(self):
        return f"{self.instrument_id} screening {self.id}"

    @property
    def risk_flagged(self):
        return bool(self.risk_reasons)


class ImportedQuestionnaire(models.Model):
    """A questionnaire a service imported: a validated translation of one we ship, or a
    questionnaire it is licensed to use (RHS-15, say) with the scoring rule it names."""

    class Status(models.TextChoices):
        ORIGINAL = "original", "Original wording"
        VALIDATED = "validated", "Validated translation"
        UNVALIDATED = "unvalidated", "Unvalidated translation"

    instrument_id = models.CharField(max_length=64)
    language = models.CharField(max_length=16)
    status = models.CharField(max_length=16, choices=Status.choices)
    document = models.JSONField()
    rules = models.JSONField(default=dict)
    source_note = models.TextField(blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["instrument_id", "language"], name="one_import_per_language")
        ]

    def __str__(self):
        return f"{self.instrument_id} ({self.language}, {self.status})"


@receiver([post_save, post_delete], sender=ImportedQuestionnaire)
def forget_loaded_instruments_after_import(**kwargs):
    forget_loaded_instruments()
