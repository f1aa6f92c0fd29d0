"""How long EveryDoor keeps each kind of data, and the purge that removes what is past it.

The policy is RULES, below: for each kind of data, which rows the rule may ever remove
(never open work: an open case, a referral still waiting or being sent, a message still
to be answered), the date its period counts from, how long the period is, and why. A
service changes a period with the environment variable RETENTION_DAYS_<NAME>, e.g.
RETENTION_DAYS_AUDIT_LOG=3650 (settings.RETENTION_DAYS). The privacy notice shows the
periods in force in plain words. privacy.tasks runs the purge every night at 03:00;
`manage.py purge_expired_data` runs it by hand.

A period is the longest a thing is kept: a row can go earlier with the thing it belongs
to (a case's notes go if the request it came from goes first).

Kinds with no rule of their own, and why:
- Kept exactly as long as what they belong to (removed with it): a case's notes; a
  course's sessions done, mood checks and helpers' check-ins; the mark that a screening
  or referral was entered by a helper (AssistedEntry).
- Staff data, kept while the account is: helper profiles, training done, authenticator
  devices. An account is removed by an administrator when the person leaves.
- Not about people: services and the directory, guides and their translation reviews,
  imported questionnaires, read-aloud recordings.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from everydoor.content.models import ClarityFeedback
from everydoor.conversations.models import (
    CallbackRequest,
    CheckIn,
    Contact,
    DeliveryReport,
    InboundMessage,
    OutboundMessage,
)
from everydoor.course.models import Enrolment
from everydoor.crisis.models import Escalation
from everydoor.equity.models import EquityProfile, JourneyEvent
from everydoor.helpers.models import Case
from everydoor.referrals.models import Referral
from everydoor.screening.models import Screening
from everydoor.skills.models import LessonCompletion

from .models import AuditEvent, Consent, SubjectRequest

DAYS = timedelta(days=1)
MONTHS = 30 * DAYS
YEARS = 365 * DAYS

OPEN_CASE = [Case.Status.WAITING, Case.Status.PICKED_UP]


def _delete(expired):
    """Remove the expired rows the ordinary way (what hangs off them goes with them).
    Returns how many rows of the rule's own model went."""
    model = expired.model
    _total, per_model = model._default_manager.filter(pk__in=expired.values("pk")).delete()
    return per_model.get(model._meta.label, 0)


def _remove_expired_audit_entries(expired):
    """The one place audit entries are ever removed: by this purge, once past the audit
    log's period. AuditEvent refuses delete() so that nothing else in the app can; this
    goes round it with one SQL DELETE of exactly the expired rows. Nothing points to an
    audit entry, so no cascade or signal is skipped."""
    return expired.order_by()._raw_delete(expired.db)


@dataclass(frozen=True)
class RetentionRule:
    name: str  # also the end of its environment variable: RETENTION_DAYS_<NAME>
    records: Callable  # () -> the rows this rule may ever remove (never open work)
    date_field: str  # the period counts from this date: a field, or an annotation of `records`
    keep_for: timedelta
    why: str  # for the team and the data protection officer, not shown to the public
    what: str  # for the privacy notice: the kind of data, in plain words
    counted_from: str  # for the privacy notice: when the period starts
    remove: Callable = _delete


# Screenings that belong to a referral, an urgent request, a call-back or a course go with
# that, not before: a helper or a service may still need the answers.
def _screenings_on_their_own():
    return Screening.objects.filter(referrals__isnull=True, escalation__isnull=True,
                                    callbackrequest__isnull=True, course_mood_check__isnull=True)


def _unfinished_screenings():
    return _screenings_on_their_own().filter(status=Screening.Status.IN_PROGRESS)


def _completed_screenings():
    return _screenings_on_their_own().filter(status=Screening.Status.COMPLETED)


def _referral_drafts():
    return Referral.objects.filter(status=Referral.Status.DRAFT)


def _finished_referrals():
    """Answered by the service, withdrawn, or (with no service) closed by a community
    worker; never one still being sent, nor one whose case is open. Dated from its last
    change or its case's closing, whichever is later."""
    answered = models.Q(status__in=[Referral.Status.ACCEPTED, Referral.Status.DECLINED,
                                    Referral.Status.CONTACTED, Referral.Status.WITHDRAWN])
    community_done = models.Q(status=Referral.Status.SUBMITTED, service__isnull=True,
                              case__status=Case.Status.CLOSED)
    return (Referral.objects.filter(answered | community_done)
            .exclude(delivery_status__in=[Referral.Delivery.PENDING, Referral.Delivery.RETRYING])
            .exclude(case__status__in=OPEN_CASE)
            .annotate(finished_at=Greatest("updated_at", Coalesce("case__closed_at", "updated_at"))))


def _closed_escalations():
    return (Escalation.objects.filter(status=Escalation.Status.CLOSED).exclude(case__status__in=OPEN_CASE)
            .annotate(closed_at=Coalesce("case__closed_at", "created_at")))


def _closed_callbacks():
    return (CallbackRequest.objects.filter(status=CallbackRequest.Status.CLOSED)
            .exclude(case__status__in=OPEN_CASE)
            .annotate(closed_at=Coalesce("case__closed_at", "created_at")))


def _closed_cases():
    return Case.objects.filter(status=Case.Status.CLOSED)


def _course_enrolments():
    """Dated from finishing the course, or else from the last sign of life: the last
    session done or helper's check-in (or joining). Never while its case is open."""
    last_session = Coalesce(Max("sessions_done__done_at"), "started_at")
    last_check_in = Coalesce(Max("check_ins__happened_at"), "started_at")
    return (Enrolment.objects.exclude(case__status__in=OPEN_CASE)
            .annotate(left_off=Coalesce("finished_at", Greatest("started_at", last_session, last_check_in))))


def _processed_inbound_messages():
    return InboundMessage.objects.filter(status=InboundMessage.Status.PROCESSED)


def _finished_outbound_messages():
    still_going = [OutboundMessage.Status.QUEUED, OutboundMessage.Status.RETRYING, OutboundMessage.Status.SENDING]
    return OutboundMessage.objects.exclude(status__in=still_going)


def _delivery_reports():
    return DeliveryReport.objects.all()


def _finished_check_ins():
    return CheckIn.objects.exclude(status=CheckIn.Status.SCHEDULED)


def _quiet_contacts():
    """Numbers with nothing waiting (no check-in to send, no message to send or answer),
    dated from the person's last message to us."""
    sending = [OutboundMessage.Status.QUEUED, OutboundMessage.Status.RETRYING, OutboundMessage.Status.SENDING]
    return (Contact.objects.exclude(check_ins__status=CheckIn.Status.SCHEDULED)
            .exclude(outbound__status__in=sending)
            .exclude(inbound__status=InboundMessage.Status.RECEIVED)
            .annotate(last_message_at=Coalesce("last_inbound_at", "created_at")))


def _clarity_feedback():
    return ClarityFeedback.objects.all()


def _web_sessions():
    return Session.objects.all()


def _journey_events():
    return JourneyEvent.objects.all()


def _equity_profiles():
    return EquityProfile.objects.all()


def _lesson_completions():
    return LessonCompletion.objects.all()


def _finished_task_results():
    return DBTaskResult.objects.finished()


def _failed_sign_ins():
    return AccessAttempt.objects.all()


def _staff_sign_ins():
    return AccessLog.objects.all()


def _consents_no_longer_in_use():
    """A consent is the record of a yes (or its withdrawal): kept while anything held under
    its code is, then for its period, dated from the yes or its withdrawal."""
    in_use = (models.Q(holder__in=Screening.objects.values("continue_code"))
              | models.Q(holder__in=Referral.objects.values("code"))
              | models.Q(holder__in=Enrolment.objects.values("continue_code")))
    return Consent.objects.exclude(in_use).annotate(last_said=Coalesce("withdrawn_at", "given_at"))


def _subject_requests():
    return SubjectRequest.objects.all()


def _audit_entries():
    return AuditEvent.objects.all()


# In the order the purge runs (and the notice lists them). Requests run before cases: a
# request is dated by its case's closing, so the case must still be there. Messages run
# before their contacts, so each rule's count says what it removed itself. A screening
# left on its own by a request removed tonight goes tomorrow night.
RULES = [
    RetentionRule(
        "unfinished_screenings", _unfinished_screenings, "updated_at", 30 * DAYS,
        why="Anonymous, but of no use unfinished after a month: long enough to come back with the "
            "continue-code and finish.",
        what=_("Questionnaires you started and did not finish"),
        counted_from=_("The last time you answered a question"),
    ),
    RetentionRule(
        "completed_screenings", _completed_screenings, "completed_at", 1 * YEARS,
        why="Anonymous. The person may come back with their code to see their answers or send them "
            "with a referral; counts over time come from journey events, not from these.",
        what=_("Your answers to questionnaires you finished"),
        counted_from=_("The day you finished"),
    ),
    RetentionRule(
        "referral_drafts", _referral_drafts, "updated_at", 30 * DAYS,
        why="Names and phone numbers that were never sent: a month to come back and send, then gone.",
        what=_("Requests to a service that you started and did not send"),
        counted_from=_("The last time you changed the request"),
    ),
    RetentionRule(
        "finished_referrals", _finished_referrals, "finished_at", 6 * MONTHS,
        why="Our copy after the service has it and has answered (or the person withdrew): time for the "
            "person to check what happened with their code, and for questions about it. The service "
            "keeps its own record under NHS rules.",
        what=_("Requests you sent to a service, after the service answered or you took the request back"),
        counted_from=_("The last change to the request"),
    ),
    RetentionRule(
        "closed_escalations", _closed_escalations, "closed_at", 1 * YEARS,
        why="A request for urgent help, with a phone number: kept as long as the case notes, so that "
            "what happened can be checked if there is a concern or complaint.",
        what=_("Your requests for urgent help from a helper"),
        counted_from=_("The day the helper closed your case"),
    ),
    RetentionRule(
        "closed_callbacks", _closed_callbacks, "closed_at", 6 * MONTHS,
        why="A phone number and a language: once the call is done, only needed for a short while in case "
            "the person asks what happened.",
        what=_("Your requests for a helper to call you back"),
        counted_from=_("The day the helper closed your case"),
    ),
    RetentionRule(
        "course_enrolments", _course_enrolments, "left_off", 1 * YEARS,
        why="A phone number and course progress: a person may pause and come back to the course; a year "
            "after finishing or going quiet they are not coming back to this one.",
        what=_("Your place on the self-help course: your phone number and how far you got"),
        counted_from=_("The day you finished, or your last session or call with a helper"),
    ),
    RetentionRule(
        "closed_cases", _closed_cases, "closed_at", 1 * YEARS,
        why="Helpers' notes: if the person comes back within a year, the helper can see what was done; "
            "supervisors review notes well within that.",
        what=_("Helpers' notes about the help they gave you"),
        counted_from=_("The day the helper closed your case"),
    ),
    RetentionRule(
        "inbound_messages", _processed_inbound_messages, "received_at", 3 * MONTHS,
        why="What people wrote is answered the moment it comes; three months is for finding faults. "
            "Where a conversation has got to is kept with the contact, not in the messages.",
        what=_("Text and WhatsApp messages you sent us, and the keys you pressed on a phone call"),
        counted_from=_("The day we got the message"),
    ),
    RetentionRule(
        "outbound_messages", _finished_outbound_messages, "created_at", 3 * MONTHS,
        why="Our replies, once sent or given up on: kept as long as the messages they answer.",
        what=_("Messages we sent you"),
        counted_from=_("The day we wrote the message"),
    ),
    RetentionRule(
        "delivery_reports", _delivery_reports, "received_at", 3 * MONTHS,
        why="Whether a message arrived: only for finding faults, like the messages.",
        what=_("Reports from the phone company saying whether a message arrived"),
        counted_from=_("The day the report came"),
    ),
    RetentionRule(
        "check_in_messages", _finished_check_ins, "due_at", 3 * MONTHS,
        why="A check-in the person asked for, once sent or cancelled: nothing more to do with it.",
        what=_("Check-in messages you asked for"),
        counted_from=_("The day the message was due"),
    ),
    RetentionRule(
        "conversation_contacts", _quiet_contacts, "last_message_at", 1 * YEARS,
        why="The number (encrypted), language and where the conversation got to, so a person can carry "
            "on where they left off; a year after their last message they are starting afresh.",
        what=_("Your phone number and where you got to in a text, WhatsApp or phone conversation"),
        counted_from=_("The last time you sent us a message"),
    ),
    RetentionRule(
        "clarity_feedback", _clarity_feedback, "created_at", 1 * YEARS,
        why="Comments can say more about a person than they meant to; editors act on them within a "
            "year, and older pages have changed anyway.",
        what=_("Your answers to \"Was this clear?\" and your comments"),
        counted_from=_("The day you sent it"),
    ),
    RetentionRule(
        "web_sessions", _web_sessions, "expire_date", 0 * DAYS,
        why="What the browser's session held (language, journey id, progress) is of no use once the "
            "session has expired, and nobody can use it again.",
        what=_("What this website remembers while you use it"),
        counted_from=_("The day it stops working"),
    ),
    RetentionRule(
        "journey_events", _journey_events, "occurred_on", 3 * YEARS,
        why="Anonymous (a random id, a channel, a language, a day): kept longer to see trends across years, "
            "e.g. whether a language is reaching more people.",
        what=_("Anonymous steps people take through EveryDoor, which we count to see who we reach"),
        counted_from=_("The day of the step"),
    ),
    RetentionRule(
        "equity_profiles", _equity_profiles, "given_on", 3 * YEARS,
        why="Anonymous, and only shown as counts of five or more: kept for trends across years, like "
            "journey events.",
        what=_("What you chose to tell us in About you. It does not say who you are."),
        counted_from=_("The day you told us"),
    ),
    RetentionRule(
        "lesson_completions", _lesson_completions, "completed_at", 3 * YEARS,
        why="Anonymous counts of lessons finished, for trends across years.",
        what=_("Anonymous records of digital-skills lessons finished"),
        counted_from=_("The day the lesson was finished"),
    ),
    RetentionRule(
        "task_results", _finished_task_results, "finished_at", 30 * DAYS,
        why="Background jobs hold only ids and outcomes; a month is enough to look into a failure.",
        what=_("Records of jobs our computers did in the background. They hold no names or messages."),
        counted_from=_("The day the job finished"),
    ),
    RetentionRule(
        "failed_sign_ins", _failed_sign_ins, "attempt_time", 30 * DAYS,
        why="Staff wrong passwords (user name, network address): for locking out guessing, and a month "
            "to look into an attack.",
        what=_("Records of staff typing a wrong password"),
        counted_from=_("The day it happened"),
    ),
    RetentionRule(
        "staff_sign_ins", _staff_sign_ins, "attempt_time", 1 * YEARS,
        why="When each member of staff signed in, and from where: for investigating misuse, which can "
            "come to light months later.",
        what=_("Records of staff signing in"),
        counted_from=_("The day they signed in"),
    ),
    RetentionRule(
        "consent_records", _consents_no_longer_in_use, "last_said", 3 * YEARS,
        why="Proof of what a person agreed to (or took back), needed as long as anything they agreed to "
            "is held and for complaints afterwards; research consents go with the anonymous markers.",
        what=_("Records of what you said yes to, and when you changed your mind"),
        counted_from=_("The day you said yes or changed your mind, once nothing else of yours is kept"),
    ),
    RetentionRule(
        "subject_requests", _subject_requests, "at", 2 * YEARS,
        why="Staff acting on a person's request for their data (the reference may name the person, so it is "
            "encrypted); the audit log keeps the who-and-when for longer.",
        what=_("Records of staff acting on your request to see or delete your information"),
        counted_from=_("The day of the request"),
    ),
    RetentionRule(
        "audit_log", _audit_entries, "at", 8 * YEARS,
        why="Evidence of who looked at or changed identifiable data, for complaints and investigations "
            "that can come years later: the longest period here, and only this purge removes entries.",
        what=_("Records of which staff looked at or changed your details"),
        counted_from=_("The day it happened"),
        remove=_remove_expired_audit_entries,
    ),
]


def retention_rules():
    """RULES with the periods in force: a period the service set (settings.RETENTION_DAYS)
    replaces the default."""
    days = settings.RETENTION_DAYS
    return [replace(rule, keep_for=timedelta(days=days[rule.name])) if rule.name in days else rule
            for rule in RULES]


def expired_records(rule, now):
    records = rule.records()
    return records.filter(**{f"{rule.date_field}__lt": _cutoff(records.model, rule, now)})


def _cutoff(model, rule, now):
    moment = now - rule.keep_for
    try:
        field = model._meta.get_field(rule.date_field)
    except FieldDoesNotExist:  # an annotation: always a moment
        return moment
    is_day = isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)
    return timezone.localdate(moment) if is_day else moment


def purge_expired_data(now=None, dry_run=False):
    """Remove everything past its retention period. Returns {rule name: rows removed} (with
    dry_run, the rows that would be removed; nothing is)."""
    now = now or timezone.now()
    counts = {}
    for rule in retention_rules():
        with transaction.atomic():
            expired = expired_records(rule, now)
            counts[rule.name] = expired.count() if dry_run else rule.remove(expired)
    return counts
