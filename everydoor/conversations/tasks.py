from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .inbound import process_message, process_waiting_messages
from .models import OutboundMessage
from .outbound import blocked_status, record_sent
from .providers import SendError, provider_named

# A reply is wanted now; a provider down for hours gets the message late rather than never.
RETRY_DELAYS = [timedelta(seconds=10), timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30),
                timedelta(hours=2)]


# Someone is waiting for an answer on their phone: ahead of everything but referrals.
@task(priority=5)
def process_inbound(message_id):
    return process_message(message_id)


@task(priority=5)
def send_outbound(message_id):
    """Send one message; retry retryable failures with backoff; record permanent ones.

    In three steps, so that a worker dying mid-send leaves a trace rather than a message
    that looks unsent: the message is marked as sending (committed), handed to the
    provider, then its outcome recorded. outbound.recover_interrupted_sends finds the rest."""
    with transaction.atomic():
        message = (OutboundMessage.objects.select_for_update().select_related("contact")
                   .filter(pk=message_id).first())
        if message is None or message.status not in (OutboundMessage.Status.QUEUED, OutboundMessage.Status.RETRYING):
            return message.status if message else None
        blocked = blocked_status(message)
        if blocked:
            message.status = blocked
            message.save(update_fields=["status", "updated_at"])
            return message.status
        message.attempts += 1
        message.status = OutboundMessage.Status.SENDING
        message.save(update_fields=["attempts", "status", "updated_at"])
    try:
        provider_id = provider_named(message.contact.provider).send(message)
    except SendError as error:
        with transaction.atomic():
            _note_failure(message, error)
            message.save(update_fields=["status", "error", "send_after", "updated_at"])
    else:
        record_sent(message, provider_id)
    return message.status


def _note_failure(message, error):
    message.error = str(error)
    if error.opted_out:
        message.contact.opted_out_at = timezone.now()
        message.contact.save(update_fields=["opted_out_at"])
        message.status = OutboundMessage.Status.NOT_SENT
        return
    if error.needs_template:
        message.status = OutboundMessage.Status.NEEDS_TEMPLATE
        return
    if error.permanent or message.attempts > len(RETRY_DELAYS):
        message.status = OutboundMessage.Status.FAILED
        return
    message.status = OutboundMessage.Status.RETRYING
    # When the retry is due: the sweep (inbound.resend_stuck_messages) goes by it.
    message.send_after = timezone.now() + RETRY_DELAYS[message.attempts - 1]
    send_outbound.using(run_after=message.send_after).enqueue(str(message.pk))


@task(priority=5)
def process_waiting_inbound():
    """Pick up messages whose worker died before processing them (see inbound.py)."""
    return process_waiting_messages()


@task(priority=0)
def send_check_in(check_in_id):
    from .check_ins import send_due_check_in
    from .models import CheckIn

    with transaction.atomic():
        check_in = CheckIn.objects.select_for_update().select_related("contact").filter(pk=check_in_id).first()
        return send_due_check_in(check_in) if check_in else None
