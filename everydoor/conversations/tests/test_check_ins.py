"""Check-ins: opt-in only, only to a phone that is safe to message, never in quiet hours,
never after STOP, and discreet."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from everydoor.conversations.check_ins import check_in_text, outside_quiet_hours, send_due_check_in
from everydoor.conversations.models import CallbackRequest, CheckIn, Contact, OutboundMessage

from .helpers import run_ready_tasks
from .test_messages import PERSON, replies, text_in
from .twilio_shapes import whatsapp_webhook

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def to_result(client, webhook=None):
    for text in ["hi", "1", "1", "1", "1", "1", "1"]:  # English, check, four answers
        text_in(client, text, **({"webhook": webhook} if webhook else {}))


@pytest.mark.parametrize("local, expected", [
    (datetime.datetime(2026, 12, 14, 22, 30), datetime.datetime(2026, 12, 15, 9, 0)),
    (datetime.datetime(2026, 12, 14, 7, 5), datetime.datetime(2026, 12, 14, 9, 0)),
    (datetime.datetime(2026, 12, 14, 12, 0), datetime.datetime(2026, 12, 14, 12, 0)),
    (datetime.datetime(2026, 12, 14, 21, 0), datetime.datetime(2026, 12, 15, 9, 0)),
])
def test_nothing_is_sent_in_quiet_hours(local, expected):
    assert outside_quiet_hours(local.replace(tzinfo=LONDON)) == expected.replace(tzinfo=LONDON)


def test_a_person_asks_for_a_check_in_on_a_phone_that_is_safe(client, twilio):
    to_result(client)
    assert "4 A message in two weeks" in replies(twilio)[-1]
    text_in(client, "4")
    asked_at = timezone.now()
    text_in(client, "1")  # safe to message
    check_in = CheckIn.objects.get()
    assert check_in.status == CheckIn.Status.SCHEDULED
    days = (check_in.due_at - asked_at).total_seconds() / 86400
    assert 14 <= days <= 14.5 and 9 <= timezone.localtime(check_in.due_at).hour < 21
    queued = DBTaskResult.objects.get(task_path__endswith="send_check_in")
    assert queued.run_after == check_in.due_at  # waits in the queue until it is due
    count = len(twilio.sent())
    noon = check_in.due_at.astimezone(LONDON).replace(hour=12)
    assert send_due_check_in(check_in, now=noon) == CheckIn.Status.SENT
    run_ready_tasks()
    sent, = replies(twilio, count)
    assert sent == check_in_text("en")
    for word in ["mood", "health", "worry", "anxious", "depress", "feel"]:
        assert word not in sent.lower()  # someone else may read it
    text_in(client, "1")  # the reply starts the questions again
    assert "Question 1 of 4" in replies(twilio)[-1]


def test_no_check_in_for_a_phone_that_is_not_safe(client, twilio):
    to_result(client)
    text_in(client, "4")
    text_in(client, "2")
    assert not CheckIn.objects.exists()
    assert Contact.objects.get().safe_to_message is False


def test_a_check_in_after_stop_is_cancelled_and_sends_nothing(client, twilio):
    to_result(client)
    text_in(client, "4")
    text_in(client, "1")
    text_in(client, "STOP")
    check_in = CheckIn.objects.get()
    count = len(twilio.sent())
    assert send_due_check_in(check_in, now=check_in.due_at) == CheckIn.Status.CANCELLED
    run_ready_tasks()
    assert twilio.sent()[count:] == []


def test_a_check_in_reached_in_quiet_hours_waits_for_the_morning(client, twilio):
    to_result(client)
    text_in(client, "4")
    text_in(client, "1")
    check_in = CheckIn.objects.get()
    night = check_in.due_at.astimezone(LONDON).replace(hour=23)
    assert send_due_check_in(check_in, now=night) == CheckIn.Status.SCHEDULED
    assert timezone.localtime(check_in.due_at).hour == 9
    assert not OutboundMessage.objects.filter(body=check_in_text("en")).exists()


def test_a_whatsapp_check_in_outside_the_window_uses_the_approved_template(client, twilio):
    to_result(client, webhook=whatsapp_webhook)
    text_in(client, "4", webhook=whatsapp_webhook)
    text_in(client, "1", webhook=whatsapp_webhook)
    check_in = CheckIn.objects.get()
    count = len(twilio.sent())
    assert send_due_check_in(check_in, now=check_in.due_at.astimezone(LONDON).replace(hour=12)) == "sent"
    run_ready_tasks()
    sent, = twilio.sent()[count:]
    assert sent["To"] == f"whatsapp:{PERSON}" and sent["ContentSid"].startswith("HX")


def test_helpers_see_call_backs_and_conversations_that_need_a_template(client, twilio, admin_user):
    from everydoor.accounts.roles import HELPERS
    from everydoor.testing.staff import staff_user, verified_login

    from .test_messages import text_in as text

    admin_client = client.__class__()
    verified_login(admin_client, admin_user)
    helper = client.__class__()
    verified_login(helper, staff_user("hana", HELPERS))

    text(client, "hi", webhook=whatsapp_webhook)
    contact = Contact.objects.get()
    contact.last_inbound_at = timezone.now() - timezone.timedelta(hours=30)
    contact.save()
    from everydoor.conversations.outbound import queue_replies

    queue_replies(contact, ["Hello again"])
    page = admin_client.get("/staff/admin/conversations/outboundmessage/", {"status__exact": "needs_template"})
    assert page.status_code == 200 and b"WhatsApp window closed" in page.content
    text(client, "1", webhook=whatsapp_webhook)  # the person writes again: the window opens
    text(client, "2", webhook=whatsapp_webhook)
    text(client, "1", webhook=whatsapp_webhook)
    queue = admin_client.get("/staff/admin/conversations/callbackrequest/")
    assert queue.status_code == 200 and b"Waiting for a call" in queue.content
    caseload = helper.get("/staff/cases/").content.decode()
    assert str(CallbackRequest.objects.get().case.pk) in caseload  # in the helpers' caseload
