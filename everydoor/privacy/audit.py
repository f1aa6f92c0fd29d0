"""The audit log: one function writes it, so there is one place to check."""

from .models import AuditEvent


def record_access(user, action, obj):
    """Note that `user` did `action` ("viewed", "accepted", "downloaded letter" …) to `obj`."""
    return AuditEvent.objects.create(
        actor=user if user.is_authenticated else None,
        actor_name=user.get_username() if user.is_authenticated else "anonymous",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
    )


def audit_trail(obj):
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
