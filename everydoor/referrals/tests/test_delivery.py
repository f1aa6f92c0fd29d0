"""Sending referrals to services: a signed webhook or secure email, in a background task,
retried when the receiving end fails, with the status visible to staff. The webhook goes
to a real HTTP server on 127.0.0.1; email to Django's test outbox."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from fhir.resources.R4B.bundle import Bundle

from everydoor.referrals.delivery.webhook import SIGNATURE_HEADER, signature
from everydoor.referrals.models import Referral, Service
from everydoor.referrals.tasks import RETRY_DELAYS, deliver_referral
from everydoor.testing.staff import verified_login

from .helpers import create_referral, create_service

pytestmark = pytest.mark.django_db(transaction=True)


class Receiver:
    """A service's intake endpoint that answers with the statuses it is given, in turn."""

    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/intake"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver_factory():
    receivers = []

    def make(statuses=()):
        receivers.append(Receiver(statuses))
        return receivers[-1]

    yield make
    for receiver in receivers:
        receiver.close()


def webhook_service(url):
    return create_service(delivery=Service.Delivery.WEBHOOK, intake_webhook_url=url, webhook_secret="s3cret")


def queued_deliveries():
    return DBTaskResult.objects.filter(task_path="everydoor.referrals.tasks.deliver_referral")


def test_submitting_queues_a_delivery_task(receiver_factory):
    webhook_service(receiver_factory().url)
    referral = create_referral()
    assert referral.delivery_status == Referral.Delivery.PENDING
    assert json.loads(json.dumps(queued_deliveries().get().args_kwargs))["args"] == [str(referral.pk)]


def test_an_inbox_only_service_queues_nothing():
    create_service(delivery=Service.Delivery.INBOX)
    referral = create_referral()
    assert referral.delivery_status == Referral.Delivery.NOT_NEEDED
    assert not queued_deliveries().exists()


def test_the_webhook_receives_a_signed_valid_fhir_bundle(receiver_factory):
    receiver = receiver_factory()
    webhook_service(receiver.url)
    referral = create_referral()
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.DELIVERED
    headers, body = receiver.received[0]
    assert headers[SIGNATURE_HEADER.lower()] == signature("s3cret", body)
    bundle = Bundle.model_validate_json(body)
    assert bundle.entry[0].resource.get_resource_type() == "Patient"
    referral.refresh_from_db()
    assert (referral.delivery_status, referral.delivery_attempts) == (Referral.Delivery.DELIVERED, 1)


def test_a_failing_service_is_retried_later_then_delivered(receiver_factory):
    receiver = receiver_factory([503])
    webhook_service(receiver.url)
    referral = create_referral()
    queued_deliveries().delete()
    before = timezone.now()
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.RETRYING
    retry = queued_deliveries().get()
    assert retry.run_after >= before + RETRY_DELAYS[0] - timedelta(seconds=1)
    referral.refresh_from_db()
    assert "503" in referral.delivery_error
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.DELIVERED
    assert len(receiver.received) == 2


def test_an_unreachable_service_is_retried(receiver_factory):
    receiver = receiver_factory()
    webhook_service(receiver.url)
    receiver.close()
    referral = create_referral()
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.RETRYING
    assert "could not reach" in Referral.objects.get().delivery_error


def test_delivery_gives_up_after_the_last_retry_and_says_so(receiver_factory):
    receiver = receiver_factory([500] * (len(RETRY_DELAYS) + 1))
    webhook_service(receiver.url)
    referral = create_referral()
    for _attempt in range(len(RETRY_DELAYS)):
        assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.RETRYING
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.FAILED
    assert Referral.objects.get().delivery_attempts == len(RETRY_DELAYS) + 1


def test_a_refusal_from_the_service_is_not_retried(receiver_factory):
    receiver = receiver_factory([422])
    webhook_service(receiver.url)
    referral = create_referral()
    queued_deliveries().delete()
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.FAILED
    assert not queued_deliveries().exists()


def test_a_delivered_referral_is_not_sent_twice(receiver_factory):
    receiver = receiver_factory()
    webhook_service(receiver.url)
    referral = create_referral()
    deliver_referral.call(str(referral.pk))
    deliver_referral.call(str(referral.pk))
    assert len(receiver.received) == 1


def test_the_delivery_status_is_shown_to_staff(receiver_factory, client):
    from .helpers import create_user

    receiver = receiver_factory([503])
    service = webhook_service(receiver.url)
    referral = create_referral()
    deliver_referral.call(str(referral.pk))
    verified_login(client, create_user("staff", service=service))
    page = client.get(f"/staff/referrals/{referral.pk}/").content.decode()
    assert 'data-delivery="retrying"' in page and "503" in page


def test_email_delivery_attaches_the_letter_and_the_bundle():
    create_service(delivery=Service.Delivery.EMAIL, intake_email="intake@riverside.nhs.example")
    referral = create_referral()
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.DELIVERED
    message = mail.outbox[0]
    assert message.to == ["intake@riverside.nhs.example"]
    assert referral.code in message.subject
    assert "Amal" not in message.subject + message.body  # no identifiable data outside the attachments
    names = [name for name, _content, _type in message.attachments]
    assert names == [f"referral-{referral.code}.pdf", f"referral-{referral.code}.json"]
    assert message.attachments[0][1][:5] == b"%PDF-"
    Bundle.model_validate_json(message.attachments[1][1])


def test_a_service_with_no_address_fails_at_once():
    create_service(delivery=Service.Delivery.EMAIL, intake_email="")
    referral = create_referral()
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.FAILED


def test_a_service_that_became_inbox_only_is_not_sent_to(receiver_factory):
    receiver = receiver_factory()
    service = webhook_service(receiver.url)
    referral = create_referral()
    Service.objects.filter(pk=service.pk).update(delivery=Service.Delivery.INBOX)
    assert deliver_referral.call(str(referral.pk)) == Referral.Delivery.NOT_NEEDED
    assert receiver.received == []
