from django.conf import settings
from django.db import models
from django.utils import timezone

from .encryption import EncryptedTextField


class AppendOnly(Exception):
    """The audit log is evidence: an entry is never changed or removed through the app."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Audit entries are never changed")

    def delete(self):
        raise AppendOnly("Audit entries are never removed")


class AuditEvent(models.Model):
    """Who looked at or changed identifiable data, what, when and why. Written only through
    everydoor.privacy.audit.record_access; append-only (no update or delete through the ORM,
    and the staff admin is read-only)."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    actor_name = models.CharField(max_length=150)  # kept if the account is later removed
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    # The purpose of the access, e.g. "working the case" (set by the view that records it).
    why = models.CharField(max_length=120, blank=True)
    at = models.DateTimeField(default=timezone.now)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id"]), models.Index(fields=["at"])]
        permissions = [("review_audit_log", "Can review the audit log in the console")]

    def __str__(self):
        return f"{self.actor_name} {self.action} {self.object_type} {self.object_id} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("Audit entries are never changed")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit entries are never removed")


class Consent(models.Model):
    """One yes a person gave us for one purpose, held under their continue-code (or, for
    research, under their anonymous journey id), until they take it back. Written only
    through everydoor.privacy.consent."""

    class Purpose(models.TextChoices):
        CONTACT = "contact", "Contact by a helper or a service"
        REFERRAL = "referral", "Referral to a service"
        RESEARCH = "research", "Research use of anonymous answers"

    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    # A continue-code (XXXXX-XXXXX), or for research the journey UUID as text.
    holder = models.CharField(max_length=64)
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=16)
    language = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["given_at"]
        indexes = [models.Index(fields=["holder", "purpose"])]

    def __str__(self):
        state = "withdrawn" if self.withdrawn_at else "given"
        return f"{self.purpose} consent {state} ({self.channel})"


class SubjectRequest(models.Model):
    """A member of staff acting on a person's request for their data (by phone or in person):
    what they did, and the reference or how the person asked. Holds no continue-code and no
    personal data of its own: which records it touched are ids only."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        DOWNLOADED_JSON = "downloaded_json", "Downloaded (JSON)"
        DOWNLOADED_PDF = "downloaded_pdf", "Downloaded (PDF)"
        ERASED = "erased", "Erased"

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                              related_name="subject_requests")
    staff_name = models.CharField(max_length=150)  # kept if the account is later removed
    action = models.CharField(max_length=16, choices=Action.choices)
    # As the member of staff wrote it ("phoned 30 Nov, ref 4411"); encrypted in case it names someone.
    reference = EncryptedTextField()
    # "screening.screening:<uuid>" for each record found, so the audit log can be followed.
    records = models.JSONField(default=list)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.staff_name} {self.action} at {self.at:%Y-%m-%d %H:%M}"
