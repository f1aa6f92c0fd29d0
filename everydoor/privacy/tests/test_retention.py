"""Each kind of data goes when its retention period is over, and not a day before; open work
stays however old; the nightly task purges and queues the next night; the command shows
what it would remove without removing it."""

import uuid
from datetime import datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import checks
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from everydoor.accounts.roles import HELPERS
from everydoor.content.feedback import record_clarity_feedback
from everydoor.content.models import GuidePage
from everydoor.conversations.check_ins import schedule_check_in
from everydoor.conversations.inbound import contact_for, receive_message
from everydoor.conversations.models import CallbackRequest, Contact, DeliveryReport, InboundMessage, OutboundMessage
from everydoor.conversations.outbound import queue_replies
from everydoor.course.progress import enrol
from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.models import Escalation
from everydoor.equity.models import EquityProfile, JourneyEvent
from everydoor.health.daily import next_time
from everydoor.health.tasks import heartbeat
from everydoor.helpers.cases import close, pick_up
from everydoor.helpers.models import Case
from everydoor.privacy.models import AuditEvent, Consent, SubjectRequest
from everydoor.privacy.retention import RULES, purge_expired_data, retention_rules
from everydoor.privacy.tasks import PURGE_AT, purge_expired_data_daily
from everydoor.referrals.intake import accept_referral
from everydoor.referrals.models import Referral, Service
from everydoor.referrals.tests.helpers import create_referral, create_service, create_user
from everydoor.screening.answering import start_screening
from everydoor.screening.instruments import load_instrument
from everydoor.screening.models import Screening
from everydoor.skills.models import LessonCompletion
from everydoor.testing.staff import staff_user

pytestmark = pytest.mark.django_db

JUST = timedelta(days=1)
LONG_AGO = timezone.now() - timedelta(days=20 * 365)
LONDON = ZoneInfo("Europe/London")


# One maker per rule: a record whose retention period starts at `when`, made the way the
# site makes it, with its date then set back.

def _phone_number():
    return f"+447700{uuid.uuid4().int % 10**6:06d}"


def _helper():
    return get_user_model().objects.filter(username="hana").first() or staff_user("hana", HELPERS)


def _close_case(case, when):
    pick_up(case, _helper())
    close(case, _helper(), "Called back; the person is getting help.", now=when)


def _screening(when, **fields):
    screening = start_screening(load_instrument("phq-9", "en"))
    Screening.objects.filter(pk=screening.pk).update(**fields)
    return screening


def unfinished_screening(when):
    return _screening(when, updated_at=when)


def completed_screening(when):
    return _screening(when, status=Screening.Status.COMPLETED, completed_at=when)


def referral_draft(when):
    referral = create_referral(submit=False)
    Referral.objects.filter(pk=referral.pk).update(updated_at=when)
    return referral


def accepted_referral(when):
    referral = create_referral()  # routed to the service below, which has it in its inbox
    accept_referral(referral, create_user(f"staff-{uuid.uuid4().hex[:8]}", service=referral.service))
    Referral.objects.filter(pk=referral.pk).update(updated_at=when)
    return referral


def closed_escalation(when):
    escalation = escalate_risk(source=Escalation.Source.NOT_SAFE_BUTTON, reasons=["Not safe right now"],
                               language="ar", phone=_phone_number(), consent=True)
    _close_case(escalation.case, when)
    return escalation


def closed_callback(when):
    callback = CallbackRequest.objects.create(channel="sms", language="fr", phone=_phone_number())
    _close_case(callback.case, when)
    return callback


def _enrolment():
    return enrol(language="so", channel="web", check_in_by="sms", phone=_phone_number(), safe_to_leave_message=False)


def finished_enrolment(when):
    enrolment = _enrolment()
    _close_case(enrolment.case, timezone.now())
    enrolment.finished_at = when
    enrolment.save(update_fields=["finished_at"])
    return enrolment


def closed_case(when):
    case = _enrolment().case
    _close_case(case, when)
    return case


def _contact():
    return contact_for("console", "sms", _phone_number())


def processed_inbound_message(when):
    message_id, _new = receive_message("console", "sms", _phone_number(), f"SM{uuid.uuid4().hex}", "hello")
    InboundMessage.objects.filter(pk=message_id).update(status=InboundMessage.Status.PROCESSED, received_at=when)
    return InboundMessage.objects.get(pk=message_id)


def delivered_outbound_message(when):
    [message] = queue_replies(_contact(), ["Hello. Reply 1 to start."])
    OutboundMessage.objects.filter(pk=message.pk).update(status=OutboundMessage.Status.DELIVERED, created_at=when)
    return message


def delivery_report(when):
    return DeliveryReport.objects.create(provider_message_id=f"SM{uuid.uuid4().hex}", status="delivered",
                                         received_at=when)


def sent_check_in(when):
    check_in = schedule_check_in(_contact())
    type(check_in).objects.filter(pk=check_in.pk).update(status=type(check_in).Status.SENT, due_at=when)
    return check_in


def quiet_contact(when):
    contact = _contact()
    Contact.objects.filter(pk=contact.pk).update(last_inbound_at=when)
    return contact


def clarity_feedback(when):
    page = GuidePage.objects.filter(locale__language_code="en").first()
    feedback = record_clarity_feedback(page, "en", False, "Too many long words")
    type(feedback).objects.filter(pk=feedback.pk).update(created_at=when)
    return feedback


def web_session(when):
    session = SessionStore()
    session["journey"] = str(uuid.uuid4())
    session.create()
    Session.objects.filter(pk=session.session_key).update(expire_date=when)
    return Session.objects.get(pk=session.session_key)


def journey_event(when):
    return JourneyEvent.objects.create(journey=uuid.uuid4(), step=JourneyEvent.Step.STARTED_QUESTIONNAIRE,
                                       channel="web", language="ar", occurred_on=timezone.localdate(when))


def equity_profile(when):
    return EquityProfile.objects.create(age_band="25-34", given_on=timezone.localdate(when))


def lesson_completion(when):
    return LessonCompletion.objects.create(lesson="nhs-app-and-login", language="ar", completed_at=when)


def finished_task_result(when):
    result = heartbeat.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.SUCCESSFUL, finished_at=when)
    return DBTaskResult.objects.get(pk=result.id)


def _sign_in_record(model, when, **fields):
    record = model.objects.create(username=f"hana-{uuid.uuid4().hex[:8]}", ip_address="192.0.2.10",
                                  user_agent="Firefox", http_accept="text/html", path_info="/staff/login/", **fields)
    model.objects.filter(pk=record.pk).update(attempt_time=when)
    return record


def failed_sign_in(when):
    return _sign_in_record(AccessAttempt, when, get_data="", post_data="", failures_since_start=1)


def staff_sign_in(when):
    return _sign_in_record(AccessLog, when)


def audit_entry(when):
    # Audit entries are never changed, so this one is written with its date.
    return AuditEvent.objects.create(actor_name="hana", action="viewed", object_type="helpers.case",
                                     object_id=str(uuid.uuid4()), why="working the case", at=when)


def consent_record(when):
    # For a code whose data is already gone: the consent outlives it by its period.
    return Consent.objects.create(purpose=Consent.Purpose.CONTACT, holder="34679-ACDEF", channel="web",
                                  given_at=when)


def subject_request(when):
    return SubjectRequest.objects.create(staff_name="hana", action=SubjectRequest.Action.VIEWED,
                                         reference="phoned, ref 4411", at=when)


MAKERS = {
    "unfinished_screenings": unfinished_screening,
    "completed_screenings": completed_screening,
    "referral_drafts": referral_draft,
    "finished_referrals": accepted_referral,
    "closed_escalations": closed_escalation,
    "closed_callbacks": closed_callback,
    "course_enrolments": finished_enrolment,
    "closed_cases": closed_case,
    "inbound_messages": processed_inbound_message,
    "outbound_messages": delivered_outbound_message,
    "delivery_reports": delivery_report,
    "check_in_messages": sent_check_in,
    "conversation_contacts": quiet_contact,
    "clarity_feedback": clarity_feedback,
    "web_sessions": web_session,
    "journey_events": journey_event,
    "equity_profiles": equity_profile,
    "lesson_completions": lesson_completion,
    "task_results": finished_task_result,
    "failed_sign_ins": failed_sign_in,
    "staff_sign_ins": staff_sign_in,
    "consent_records": consent_record,
    "subject_requests": subject_request,
    "audit_log": audit_entry,
}


def still_there(record):
    return type(record).objects.filter(pk=record.pk).exists()


def rule_named(name):
    return next(rule for rule in retention_rules() if rule.name == name)


@pytest.fixture
def with_services():
    create_service()


def test_every_retention_rule_has_a_test():
    assert set(MAKERS) == {rule.name for rule in RULES}


@pytest.mark.usefixtures("with_services")
@pytest.mark.parametrize("name", list(MAKERS))
def test_a_record_just_past_its_period_is_removed_and_one_just_inside_is_kept(name):
    keep_for = rule_named(name).keep_for
    past = MAKERS[name](timezone.now() - keep_for - JUST)
    inside = MAKERS[name](timezone.now() - keep_for + JUST)
    counts = purge_expired_data()
    assert not still_there(past)
    assert still_there(inside)
    assert counts[name] == 1


def test_a_consent_is_kept_however_old_while_its_code_still_holds_data():
    enrolment = _enrolment()
    consent = Consent.objects.create(purpose=Consent.Purpose.CONTACT, holder=enrolment.continue_code,
                                     channel="web", given_at=LONG_AGO)
    purge_expired_data()
    assert still_there(consent)


def test_an_open_urgent_case_is_kept_however_old():
    escalation = escalate_risk(source=Escalation.Source.RISK_ANSWER, reasons=["Item 9"], language="ps",
                               phone=_phone_number(), consent=True)
    Escalation.objects.filter(pk=escalation.pk).update(created_at=LONG_AGO)
    Case.objects.filter(escalation=escalation).update(raised_at=LONG_AGO)
    purge_expired_data()
    assert still_there(escalation)
    assert still_there(escalation.case)


def test_a_closed_call_back_whose_case_was_opened_again_is_kept():
    callback = closed_callback(LONG_AGO)
    Case.objects.filter(callback=callback).update(status=Case.Status.PICKED_UP)
    purge_expired_data()
    assert still_there(callback)


def test_a_referral_still_waiting_for_its_service_is_kept(with_services):
    referral = create_referral()
    Referral.objects.filter(pk=referral.pk).update(updated_at=LONG_AGO, submitted_at=LONG_AGO)
    purge_expired_data()
    assert still_there(referral)


def test_an_answered_referral_still_being_delivered_is_kept():
    create_service(delivery=Service.Delivery.EMAIL, intake_email="intake@riverside.example")
    referral = accepted_referral(LONG_AGO)
    Referral.objects.filter(pk=referral.pk).update(delivery_status=Referral.Delivery.RETRYING)
    purge_expired_data()
    assert still_there(referral)


def test_a_screening_that_belongs_to_a_kept_referral_is_kept(with_services):
    screening = completed_screening(LONG_AGO)
    create_referral(screenings=[screening])
    purge_expired_data()
    assert still_there(screening)


def test_a_conversation_with_a_message_still_to_answer_is_kept():
    contact = quiet_contact(LONG_AGO)
    InboundMessage.objects.create(provider="console", provider_message_id="SM-waiting", channel="sms",
                                  address_key=contact.address_key, contact=contact, body="1")
    purge_expired_data()
    assert still_there(contact)


def test_a_period_the_service_sets_replaces_the_default(settings):
    settings.RETENTION_DAYS = {"web_sessions": 7}
    past = web_session(timezone.now() - timedelta(days=8))
    inside = web_session(timezone.now() - timedelta(days=6))
    purge_expired_data()
    assert not still_there(past)
    assert still_there(inside)


def test_a_retention_setting_that_names_no_rule_fails_the_system_check(settings):
    settings.RETENTION_DAYS = {"web_session": 7}
    errors = checks.run_checks(tags=["privacy"])
    assert [error.id for error in errors] == ["privacy.E002"]
    assert "RETENTION_DAYS_WEB_SESSION" in errors[0].msg


def _waiting_purges():
    return DBTaskResult.objects.filter(task_path=purge_expired_data_daily.module_path,
                                       status=TaskResultStatus.READY)


def test_the_daily_task_purges_and_queues_exactly_one_run_for_three_tomorrow_morning():
    expired = web_session(timezone.now() - JUST)
    purge_expired_data_daily.call()
    assert not still_there(expired)
    next_run = timezone.localtime(_waiting_purges().get().run_after)
    assert next_run.time() == time(3, 0)
    assert timezone.now() < next_run <= timezone.now() + timedelta(days=1)


def test_scheduling_the_daily_purge_again_while_one_is_waiting_adds_none():
    call_command("schedule_nightly_tasks", stdout=StringIO())
    call_command("schedule_nightly_tasks", stdout=StringIO())
    assert _waiting_purges().count() == 1


def test_after_three_in_the_morning_the_next_purge_is_the_next_day():
    after_three = datetime(2026, 11, 30, 3, 0, 1, tzinfo=LONDON)
    assert next_time(PURGE_AT, after_three) == datetime(2026, 12, 1, 3, tzinfo=LONDON)


def test_before_three_in_the_morning_the_next_purge_is_the_same_day_even_when_the_clocks_change():
    # The clocks go forward at 01:00 on 28 March 2027: 03:00 that day is British Summer Time.
    next_run = next_time(PURGE_AT, datetime(2027, 3, 28, 0, 30, tzinfo=LONDON))
    assert next_run == datetime(2027, 3, 28, 3, tzinfo=LONDON)
    assert next_run.utcoffset() == timedelta(hours=1)


def test_a_dry_run_of_the_command_removes_nothing_and_says_what_it_would_remove():
    expired = web_session(timezone.now() - JUST)
    output = StringIO()
    call_command("purge_expired_data", "--dry-run", stdout=output)
    assert still_there(expired)
    [line] = [line for line in output.getvalue().splitlines() if line.startswith("web_sessions")]
    assert line.split() == ["web_sessions", "0", "days", "1"]


def test_the_command_removes_what_is_expired_and_prints_a_count_per_rule():
    web_session(timezone.now() - JUST)
    output = StringIO()
    call_command("purge_expired_data", stdout=output)
    assert not Session.objects.exists()
    assert all(rule.name in output.getvalue() for rule in RULES)
