"""The audit log: one function writes it, so there is one place to check."""

from .models import AuditEvent

# Why staff touch identifiable data: the work each kind of access is for.
CASE_WORK = "working the case"
SUPERVISION = "supervising a case"
REFERRAL_WORK = "handling the referral"
# A person asked to see, download or erase what we hold (themself, or through a member of staff).
SUBJECT_REQUEST = "the person asked for their data"
CONSENT_WITHDRAWN = "the person withdrew their consent"


def record_access(user, action, obj, why):
    """Note that `user` did `action` ("viewed", "accepted", "downloaded letter" …) to `obj`,
    and why (the work it was for)."""
    return AuditEvent.objects.create(
        why=why,
        actor=user if user.is_authenticated else None,
        actor_name=user.get_username() if user.is_authenticated else "anonymous",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
    )


def audit_trail(obj):
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def audit_events(actor_name="", action="", since=None):
    """The log for a supervisor's review, newest first, narrowed as asked."""
    events = AuditEvent.objects.all()
    if actor_name:
        events = events.filter(actor_name=actor_name)
    if action:
        events = events.filter(action=action)
    if since:
        events = events.filter(at__date__gte=since)
    return events
