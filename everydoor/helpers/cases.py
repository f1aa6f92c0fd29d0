"""Cases open themselves: an urgent escalation, a call-back request, or a referral left to
community workers becomes a case in the helpers' caseload, in the same transaction. The
apps it comes from know nothing of helpers."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case as SqlCase
from django.db.models import IntegerField, Q, Value, When
from django.db.models.signals import post_save
from django.utils import timezone

from .models import Case, CaseNote


class NotAllowed(Exception):
    """The case is not in a state for this (picked up by someone else, or closed)."""


def connect_sources():
    from everydoor.conversations.models import CallbackRequest
    from everydoor.crisis.models import Escalation
    from everydoor.referrals.models import Referral

    post_save.connect(_escalation_saved, sender=Escalation, dispatch_uid="helpers-case-for-escalation")
    post_save.connect(_callback_saved, sender=CallbackRequest, dispatch_uid="helpers-case-for-callback")
    post_save.connect(_referral_saved, sender=Referral, dispatch_uid="helpers-case-for-referral")


def _escalation_saved(sender, instance, created, **kwargs):
    if created:
        case = Case.objects.create(kind=Case.Kind.URGENT, escalation=instance, language=instance.language,
                                   channel=_escalation_channel(instance), raised_at=instance.created_at)
        _watch_for_pick_up(case)


def _escalation_channel(escalation):
    if escalation.screening is not None:
        return escalation.screening.channel
    # Asked for by text or phone without a questionnaire: which of them is not recorded.
    return "conversation" if escalation.source == escalation.Source.CONVERSATION else "web"


def _callback_saved(sender, instance, created, **kwargs):
    if created:
        Case.objects.create(kind=Case.Kind.CALLBACK, callback=instance, language=instance.language,
                            channel=instance.channel, raised_at=instance.created_at)


def _referral_saved(sender, instance, **kwargs):
    from everydoor.referrals.access import IN_COMMUNITY_QUEUE

    if instance.status == instance.Status.DRAFT or hasattr(instance, "case"):
        return
    if type(instance).objects.filter(IN_COMMUNITY_QUEUE, pk=instance.pk).exists():
        Case.objects.get_or_create(referral=instance, defaults={
            "kind": Case.Kind.REFERRAL, "language": instance.preferred_language or instance.language,
            "channel": "web", "raised_at": instance.submitted_at or timezone.now()})


def pick_up_deadline():
    """How long an urgent case may wait before the supervisors are told (minutes, setting)."""
    return timedelta(minutes=settings.URGENT_PICK_UP_MINUTES)


def _watch_for_pick_up(case):
    from .tasks import alert_supervisors_if_waiting

    # Queued with the case (database task backend), to run when the deadline passes.
    alert_supervisors_if_waiting.using(run_after=case.raised_at + pick_up_deadline()).enqueue(str(case.pk))


def caseload_for(user, now=None):
    """The open cases a helper sees, urgent first and then oldest first. Helpers see cases
    waiting for anyone and their own; supervisors see every open case."""
    cases = Case.objects.exclude(status=Case.Status.CLOSED)
    if not user.has_perm("helpers.supervise_caseload"):
        cases = cases.filter(Q(status=Case.Status.WAITING) | Q(assigned_to=user))
    urgent_first = SqlCase(When(kind=Case.Kind.URGENT, then=Value(0)), default=Value(1), output_field=IntegerField())
    return cases.annotate(urgency=urgent_first).order_by("urgency", "raised_at").select_related("assigned_to")


def case_for(user, case_id):
    """The case if `user` may open it (as caseload_for, and closed cases they worked)."""
    visible = Case.objects.all()
    if not user.has_perm("helpers.supervise_caseload"):
        visible = visible.filter(Q(status=Case.Status.WAITING) | Q(assigned_to=user))
    return visible.select_related("escalation__screening", "callback__screening", "referral").filter(
        pk=case_id).first()


def pick_up(case, helper, now=None):
    """The helper takes the case: nobody else will call. An urgent case's escalation is
    marked as being contacted."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.status != Case.Status.WAITING:
            raise NotAllowed("This case has been picked up already.")
        case.status = Case.Status.PICKED_UP
        case.assigned_to = helper
        case.picked_up_at = now or timezone.now()
        case.save(update_fields=["status", "assigned_to", "picked_up_at"])
        if case.escalation_id:
            case.escalation.status = case.escalation.Status.CONTACTED
            case.escalation.save(update_fields=["status"])
    return case


def close(case, helper, outcome, now=None):
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.status == Case.Status.CLOSED:
            raise NotAllowed("This case is closed already.")
        if case.assigned_to_id != helper.pk and not helper.has_perm("helpers.supervise_caseload"):
            raise NotAllowed("Only the helper working this case, or a supervisor, can close it.")
        add_note(case, helper, outcome)
        case.status = Case.Status.CLOSED
        case.closed_at = now or timezone.now()
        case.save(update_fields=["status", "closed_at"])
        if case.escalation_id:
            case.escalation.status = case.escalation.Status.CLOSED
            case.escalation.save(update_fields=["status"])
        if case.callback_id:
            case.callback.status = case.callback.Status.CLOSED
            case.callback.save(update_fields=["status"])
    return case


def add_note(case, author, text):
    return CaseNote.objects.create(case=case, author=author, text=text.strip())


def review_note(note, supervisor, comment, now=None):
    if not supervisor.has_perm("helpers.supervise_caseload"):
        raise NotAllowed("Only supervisors review notes.")
    note.reviewed_by = supervisor
    note.reviewed_at = now or timezone.now()
    note.review_comment = comment.strip()
    note.save(update_fields=["reviewed_by", "reviewed_at", "review_comment"])
    return note


def notes_to_review():
    return CaseNote.objects.filter(reviewed_at__isnull=True).select_related("case", "author")
