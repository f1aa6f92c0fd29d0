"""Cases open themselves: an urgent escalation, a call-back request, or a referral left to
community workers becomes a case in the helpers' caseload, in the same transaction. The
apps it comes from know nothing of helpers."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case as SqlCase
from django.db.models import IntegerField, Max, Q, Value, When
from django.db.models.signals import post_save
from django.utils import timezone

from .models import Case, CaseNote


class NotAllowed(Exception):
    """The case is not in a state for this (picked up by someone else, or closed)."""


def connect_sources():
    from everydoor.conversations.models import CallbackRequest
    from everydoor.course.models import Enrolment, MoodCheck
    from everydoor.crisis.models import Escalation
    from everydoor.referrals.models import Referral

    post_save.connect(_escalation_saved, sender=Escalation, dispatch_uid="helpers-case-for-escalation")
    post_save.connect(_callback_saved, sender=CallbackRequest, dispatch_uid="helpers-case-for-callback")
    post_save.connect(_referral_saved, sender=Referral, dispatch_uid="helpers-case-for-referral")
    post_save.connect(_enrolment_saved, sender=Enrolment, dispatch_uid="helpers-case-for-course")
    post_save.connect(_mood_check_saved, sender=MoodCheck, dispatch_uid="helpers-course-mood-worse")


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

    if instance.status in (instance.Status.DRAFT, instance.Status.WITHDRAWN) or hasattr(instance, "case"):
        return
    if type(instance).objects.filter(IN_COMMUNITY_QUEUE, pk=instance.pk).exists():
        Case.objects.get_or_create(referral=instance, defaults={
            "kind": Case.Kind.REFERRAL, "language": instance.preferred_language or instance.language,
            "channel": "web", "raised_at": instance.submitted_at or timezone.now()})


def _enrolment_saved(sender, instance, created, **kwargs):
    if created:
        Case.objects.create(kind=Case.Kind.SELF_HELP, enrolment=instance, language=instance.language,
                            channel=instance.channel, raised_at=instance.started_at)


def _mood_check_saved(sender, instance, **kwargs):
    """A reliably worse mood score puts the case at the top (after urgent ones) and tells
    the supervisors, who are clinically qualified."""
    from .tasks import alert_supervisors_of_worse_mood

    if not instance.worse:
        return
    case = Case.objects.filter(enrolment_id=instance.enrolment_id).first()
    reason = f"mood-worse:{instance.point}"
    if case is None or reason in case.attention_reasons:
        return
    case.attention_reasons = [*case.attention_reasons, reason]
    case.attention_raised_at = case.attention_raised_at or timezone.now()
    if case.status == Case.Status.CLOSED:
        case.status = Case.Status.PICKED_UP if case.assigned_to_id else Case.Status.WAITING
        case.closed_at = None
    case.save(update_fields=["attention_reasons", "attention_raised_at", "status", "closed_at"])
    transaction.on_commit(lambda: alert_supervisors_of_worse_mood.enqueue(str(case.pk)))


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
    last_check_in = Max("enrolment__check_ins__happened_at", filter=Q(enrolment__check_ins__reached=True))
    return cases.annotate(urgency=_urgency(), last_check_in=last_check_in).order_by(
        "urgency", "raised_at").select_related("assigned_to", "enrolment")


def check_in_due(case, now):
    """For a self-help case from caseload_for: is the weekly check-in due?"""
    from everydoor.course.progress import check_in_due_from

    return check_in_due_from(case.enrolment.started_at, case.last_check_in) <= now


def _urgency():
    """Urgent risk first; then cases needing attention (a worse mood score); then the rest."""
    return SqlCase(
        When(kind=Case.Kind.URGENT, then=Value(0)),
        When(attention_raised_at__isnull=False, then=Value(1)),
        default=Value(2), output_field=IntegerField(),
    )


def case_for(user, case_id):
    """The case if `user` may open it (as caseload_for, and closed cases they worked)."""
    visible = Case.objects.all()
    if not user.has_perm("helpers.supervise_caseload"):
        visible = visible.filter(Q(status=Case.Status.WAITING) | Q(assigned_to=user))
    return visible.select_related("escalation__screening", "callback__screening", "referral", "enrolment").filter(
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


def take_over(case, supervisor, now=None):
    """A supervisor takes a case from whoever has it, or from the queue: for an urgent case
    nobody picked up in time, or a helper who is away."""
    if not supervisor.has_perm("helpers.supervise_caseload"):
        raise NotAllowed("Only supervisors take over cases.")
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.status == Case.Status.CLOSED:
            raise NotAllowed("This case is closed already.")
        previous = case.assigned_to
        was_waiting = case.status == Case.Status.WAITING
        case.status = Case.Status.PICKED_UP
        case.assigned_to = supervisor
        case.picked_up_at = case.picked_up_at or now or timezone.now()
        case.save(update_fields=["status", "assigned_to", "picked_up_at"])
        if was_waiting and case.escalation_id:
            case.escalation.status = case.escalation.Status.CONTACTED
            case.escalation.save(update_fields=["status"])
        who = previous.get_username() if previous else "the queue"
        add_note(case, supervisor, f"Taken over by {supervisor.get_username()} from {who}.")
    return case


def clear_attention(case, helper):
    add_note(case, helper, "Seen to: " + ", ".join(case.attention_reasons))
    case.attention_reasons = []
    case.attention_raised_at = None
    case.save(update_fields=["attention_reasons", "attention_raised_at"])


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
