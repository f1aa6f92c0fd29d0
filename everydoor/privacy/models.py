from django.conf import settings
from django.db import models
from django.utils import timezone


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
