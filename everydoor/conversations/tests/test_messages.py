"""SMS and WhatsApp through Twilio's real request shapes, our real URLs, the real task
queue and a stand-in for Twilio's REST API on a local port."""

import logging

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from everydoor.conversations.models import CallbackRequest, Contact, InboundMessage, OutboundMessage
from everydoor.conversations.tasks import send_outbound
from everydoor.crisis.models import Escalation
from everydoor.screening.models import Screening

from .helpers import run_ready_tasks
from .twilio_shapes import api_error, signed_post, sms_webhook, status_callback, whatsapp_webhook

pytestmark = pytest.mark.django_db
PERSON = "+447700900123"
MESSAGES_URL = "/conversations/twilio/messages/"


def text_in(client, body, sender=PERSON, webhook=sms_webhook, **kwargs):
    """The person sends a message; the worker answers it. Returns the response to Twilio."""
    response = signed_post(client, MESSAGES_URL, webhook(sender, body, **kwargs))
    run_ready_tasks()
    return response


def replies(api, since=0):
    return [fields["Body"] for fields in api.sent()[since:]]


def test_a_bad_signature_is_refused_logged_and_nothing_is_kept(client, twilio, caplog):
    fields = sms_webhook(PERSON, "hi")
    with caplog.at_level(logging.WARNING):
        forged = signed_post(client, MESSAGES_URL, fields, token="not-our-token")
        unsigned = client.post(MESSAGES_URL, fields)
    assert forged.status_code == unsigned.status_code == 403
    assert "bad signature" in caplog.text
    assert not InboundMessage.objects.exists() and not Contact.objects.exists()


def test_a_message_is_stored_and_queued_before_twilio_gets_its_answer(client, twilio):
    response = signed_post(client, MESSAGES_URL, sms_webhook(PERSON, "hi"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml"
    assert b"<Response />" in response.content
    message = InboundMessage.objects.get()
    assert message.status == InboundMessage.Status.RECEIVED and message.body == "hi"
    assert DBTaskResult.objects.ready().filter(task_path__endswith="process_inbound").count() == 1
    assert twilio.sent() == []  # nothing sent until the worker runs
    with connection.cursor() as cursor:
        cursor.execute("SELECT address, body FROM conversations_inboundmessage")
        assert PERSON not in " ".join(cursor.fetchone())  # encrypted at rest
    run_ready_tasks()
    message.refresh_from_db()
    assert message.address == "" and message.contact.address == PERSON  # kept once, on the contact


def test_a_full_phq4_journey_by_sms_in_arabic(client, twilio):
    text_in(client, "مرحبا")
    assert "العربية" in replies(twilio)[0]
    text_in(client, "2")  # Arabic
    text_in(client, "1")  # check how you are
    for answer in ["3", "2", "4", "1"]:
        text_in(client, answer)
    screening = Screening.objects.get()
    assert screening.channel == "sms" and screening.language == "ar"
    assert screening.status == Screening.Status.COMPLETED
    # Weights 2, 1, 3, 0 (answers are numbered from 1): PHQ-4 total 6, "moderate" (Kroenke 2009).
    assert screening.result["total"] == 6 and screening.result["band"] == "moderate"
    sent = replies(twilio)
    assert all(fields["To"] == PERSON and fields["From"] == "+447700900001" for fields in twilio.sent())
    assert "الشعور بالعصبية" in "".join(sent)  # PHQ-4 item 1 in Arabic
    result = sent[-2]
    assert "6" in result and "12" in result
    assert result.count("\n") >= 2  # meaning, score, and that the translation is unvalidated
    text_in(client, "1")  # ask for a call back
    text_in(client, "2")  # no voice message
    callback = CallbackRequest.objects.get()
    assert callback.language == "ar" and callback.phone == PERSON and callback.channel == "sms"
    assert callback.safe_to_leave_message is False and callback.screening == screening


@pytest.mark.parametrize("word", ["0", "9", "HELP", "help", "urgent", "I am not safe", "طوارئ", "مساعدة"])
@pytest.mark.parametrize("replies_before", [[], ["hi"], ["1"], ["1", "1"], ["1", "1", "2"], ["1", "1", "1", "1", "1",
                                                                                                "1"]])
def test_a_crisis_word_at_any_step_brings_urgent_help(client, twilio, word, replies_before):
    for text in replies_before:
        text_in(client, text)
    count = len(twilio.sent())
    text_in(client, word)
    answer = "\n".join(replies(twilio, count))
    assert "999" in answer and "116 123" in answer and "85258" in answer
    text_in(client, "1")
    escalation = Escalation.objects.get()
    assert escalation.source == Escalation.Source.CONVERSATION and escalation.contact_phone == PERSON


def test_stop_in_any_language_ends_all_messages_until_start(client, twilio):
    text_in(client, "hi")
    text_in(client, "2")
    count = len(twilio.sent())
    text_in(client, "توقف")  # "stop" in Arabic
    assert len(replies(twilio, count)) == 1  # the confirmation, and nothing more
    contact = Contact.objects.get()
    assert contact.opted_out
    count = len(twilio.sent())
    text_in(client, "1")
    text_in(client, "help")
    assert twilio.sent()[count:] == []
    # Nothing else reaches the number either, even a message queued for it.
    from everydoor.conversations.outbound import queue_replies

    later, = queue_replies(contact, ["A reminder"])
    run_ready_tasks()
    later.refresh_from_db()
    assert later.status == OutboundMessage.Status.NOT_SENT and twilio.sent()[count:] == []
    text_in(client, "START")
    assert not Contact.objects.get().opted_out
    assert "1" in replies(twilio, count)[0]


@pytest.mark.parametrize("word", ["STOP", "stop", "Unsubscribe", "end"])
def test_english_stop_words(client, twilio, word):
    text_in(client, "hi")
    text_in(client, word)
    assert Contact.objects.get().opted_out


def test_a_repeated_delivery_does_nothing_twice(client, twilio):
    fields = sms_webhook(PERSON, "hi")
    first = signed_post(client, MESSAGES_URL, fields)
    again = signed_post(client, MESSAGES_URL, fields)
    assert first.status_code == again.status_code == 200
    assert InboundMessage.objects.count() == 1
    run_ready_tasks()
    count = len(twilio.sent())
    assert count == 2  # the language menu, in two parts, once
    assert signed_post(client, MESSAGES_URL, fields).status_code == 200
    run_ready_tasks()
    assert len(twilio.sent()) == count


def test_processing_a_message_twice_replies_once(client, twilio):
    signed_post(client, MESSAGES_URL, sms_webhook(PERSON, "hi"))
    message = InboundMessage.objects.get()
    from everydoor.conversations.inbound import process_message

    assert process_message(message.pk) == 1
    assert process_message(message.pk) == 0
    assert OutboundMessage.objects.count() == 2


def test_quick_messages_are_answered_in_the_order_they_came_whichever_task_runs_first(client, twilio):
    from everydoor.conversations.inbound import process_message

    signed_post(client, MESSAGES_URL, sms_webhook(PERSON, "2"))  # Arabic
    signed_post(client, MESSAGES_URL, sms_webhook(PERSON, "1"))  # then: check how you are
    first, second = InboundMessage.objects.order_by("pk")
    assert process_message(second.pk) == 2  # a second worker took the later task first
    assert process_message(first.pk) == 0
    contact = Contact.objects.get()
    assert (contact.language, contact.state["step"]) == ("ar", "question")
    run_ready_tasks()
    assert "الشعور بالعصبية" in replies(twilio)[-1]  # PHQ-4 item 1, last


def test_a_provider_that_fails_with_500_then_recovers(client, twilio):
    twilio.script = [(500, {"code": 20500, "message": "Internal Server Error", "status": 500})]
    text_in(client, "hi")
    first = OutboundMessage.objects.get(sequence=0)
    assert first.status == OutboundMessage.Status.RETRYING and first.attempts == 1
    assert "500" in first.error
    retry = DBTaskResult.objects.filter(task_path__endswith="send_outbound", status="READY").get()
    assert retry.run_after > timezone.now()  # backed off, not hammering
    assert send_outbound.call(str(first.pk)) == OutboundMessage.Status.SENT
    run_ready_tasks()
    assert [message.status for message in OutboundMessage.objects.order_by("sequence")] == ["sent", "sent"]
    assert len(twilio.sent()) == 3  # the failed try, then both parts once


def interrupted_mid_send(message):
    """Leave `message` as a worker killed between handing it over and recording the answer
    leaves it: "sending", since long enough for the sweep to settle it."""
    OutboundMessage.objects.filter(pk=message.pk).update(status=OutboundMessage.Status.SENDING,
                                                         updated_at=timezone.now() - timezone.timedelta(minutes=2))


def test_a_send_interrupted_after_twilio_took_it_is_not_sent_again(client, twilio):
    from everydoor.conversations.inbound import process_waiting_messages

    text_in(client, "hi")
    first = OutboundMessage.objects.get(sequence=0)
    interrupted_mid_send(first)
    assert process_waiting_messages(older_than_seconds=0) == 0  # nothing needed sending again
    run_ready_tasks()
    first.refresh_from_db()
    assert first.status == OutboundMessage.Status.SENT
    assert first.provider_message_id == twilio.created[-1]["sid"]  # found in Twilio's list, by body
    assert twilio.listings[-1]["To"] == PERSON
    assert len(twilio.sent()) == 2  # each part once


def test_a_send_interrupted_before_twilio_took_it_is_sent_once(client, twilio):
    from everydoor.conversations.inbound import process_waiting_messages
    from everydoor.conversations.outbound import queue_replies

    text_in(client, "hi")
    queue_replies(Contact.objects.get(), ["Reply with a number:"])
    unsent = OutboundMessage.objects.filter(reply_to__isnull=True).get()
    DBTaskResult.objects.filter(status="READY").delete()  # the task the dead worker had taken
    interrupted_mid_send(unsent)
    assert process_waiting_messages(older_than_seconds=0) == 1
    run_ready_tasks()
    assert OutboundMessage.objects.get(pk=unsent.pk).status == OutboundMessage.Status.SENT
    assert [fields["Body"] for fields in twilio.sent()].count("Reply with a number:") == 1


def test_a_send_in_progress_is_left_to_its_worker(client, twilio):
    from everydoor.conversations.inbound import process_waiting_messages

    text_in(client, "hi")
    first = OutboundMessage.objects.get(sequence=0)
    OutboundMessage.objects.filter(pk=first.pk).update(status=OutboundMessage.Status.SENDING)
    assert process_waiting_messages(older_than_seconds=0) == 0
    assert twilio.listings == []  # not even asked about: its worker may be talking to Twilio now


@pytest.mark.parametrize("answer, status, opted_out", [
    (api_error(21610, "Attempt to send to unsubscribed recipient"), OutboundMessage.Status.NOT_SENT, True),
    (api_error(21211, "The 'To' number is not a valid phone number."), OutboundMessage.Status.FAILED, False),
    (api_error(20429, "Too Many Requests", status=429), OutboundMessage.Status.RETRYING, False),
])
def test_errors_are_classed_as_permanent_or_retryable(client, twilio, answer, status, opted_out):
    twilio.script = [answer]
    text_in(client, "hi")
    first = OutboundMessage.objects.get(sequence=0)
    assert first.status == status
    assert Contact.objects.get().opted_out is opted_out


def test_delivery_reports_are_recorded(client, twilio):
    text_in(client, "hi")
    message = OutboundMessage.objects.get(sequence=0)
    for status in ["sent", "delivered", "sent"]:  # reports can come out of order
        response = signed_post(client, "/conversations/twilio/status/",
                               status_callback(message.provider_message_id, status, PERSON))
        assert response.status_code == 204
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.DELIVERED
    assert list(message.reports.values_list("status", flat=True)) == ["sent", "delivered", "sent"]
    failed = OutboundMessage.objects.get(sequence=1)
    signed_post(client, "/conversations/twilio/status/",
                status_callback(failed.provider_message_id, "undelivered", PERSON, error_code=30005))
    failed.refresh_from_db()
    assert failed.status == OutboundMessage.Status.FAILED and "30005" in failed.error


def test_whatsapp_replies_go_back_on_whatsapp_within_its_window(client, twilio):
    text_in(client, "hi", webhook=whatsapp_webhook)
    sent = twilio.sent()[0]
    assert sent["To"] == f"whatsapp:{PERSON}" and sent["From"] == "whatsapp:+447700900002"
    contact = Contact.objects.get()
    assert contact.channel == "whatsapp" and contact.last_inbound_at is not None


def test_whatsapp_outside_the_window_needs_a_template(client, twilio):
    from everydoor.conversations.outbound import queue_replies, queue_template

    text_in(client, "hi", webhook=whatsapp_webhook)
    contact = Contact.objects.get()
    contact.last_inbound_at = timezone.now() - timezone.timedelta(hours=25)
    contact.save()
    count = len(twilio.sent())
    free_text, = queue_replies(contact, ["How are you today?"])
    assert free_text.status == OutboundMessage.Status.NEEDS_TEMPLATE
    template = queue_template(contact, "check_in", {"1": "EveryDoor"})
    run_ready_tasks()
    template.refresh_from_db()
    assert template.status == OutboundMessage.Status.SENT
    sent = twilio.sent()[count:]
    assert len(sent) == 1 and sent[0]["ContentSid"].startswith("HX") and "Body" not in sent[0]
    # WhatsApp's own refusal (63016) is recorded the same way.
    twilio.script = [api_error(63016, "Failed to send freeform message because you are outside the allowed window.")]
    late = OutboundMessage.objects.create(contact=contact, body="Hello")
    contact.last_inbound_at = timezone.now()
    contact.save()
    assert send_outbound.call(str(late.pk)) == OutboundMessage.Status.NEEDS_TEMPLATE


def test_bad_webhooks_get_a_clear_400_not_a_500(client, twilio):
    fields = sms_webhook(PERSON, "hi")
    del fields["MessageSid"]
    response = signed_post(client, MESSAGES_URL, fields)
    assert response.status_code == 400 and b"MessageSid" in response.content


def test_work_a_dead_worker_left_is_picked_up_once(client, twilio):
    """A worker killed mid-task leaves its task marked running for ever: the sweep finds the
    message still unprocessed, or the reply still unsent, and does it once."""
    from everydoor.conversations.inbound import process_waiting_messages

    signed_post(client, MESSAGES_URL, sms_webhook(PERSON, "hi"))
    DBTaskResult.objects.all().delete()  # its worker died with it
    assert process_waiting_messages(older_than_seconds=0) == 1
    assert InboundMessage.objects.get().status == InboundMessage.Status.PROCESSED
    first, second = OutboundMessage.objects.order_by("sequence")
    DBTaskResult.objects.all().delete()  # the first part's send was lost too
    five_minutes_ago = timezone.now() - timezone.timedelta(minutes=5)
    OutboundMessage.objects.filter(pk__in=[first.pk, second.pk]).update(send_after=five_minutes_ago,
                                                                         updated_at=five_minutes_ago)
    assert process_waiting_messages(older_than_seconds=60) == 1  # the first part; the second waits for it
    run_ready_tasks()
    assert process_waiting_messages(older_than_seconds=0) == 0
    run_ready_tasks()
    assert [message.status for message in OutboundMessage.objects.order_by("sequence")] == ["sent", "sent"]
    assert len(twilio.sent()) == 2
