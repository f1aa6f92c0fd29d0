"""Messages in: stored and queued in one transaction before the provider is answered, then
processed by a worker exactly once."""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .engine import respond
from .models import Contact, InboundMessage, OutboundMessage, address_key
from .outbound import queue_replies

log = logging.getLogger(__name__)


def contact_for(provider, channel, address):
    key = address_key(channel, address)
    contact = Contact.objects.filter(channel=channel, address_key=key).first()
    if contact is None:
        try:
            with transaction.atomic():
                contact = Contact.objects.create(channel=channel, address_key=key, address=address,
                                                 provider=provider)
        except IntegrityError:  # the same number's first two messages arrived together
            contact = Contact.objects.get(channel=channel, address_key=key)
    return contact


def receive_message(provider, channel, address, provider_message_id, body):
    """Store an inbound message and queue its processing, atomically. Returns (message,
    is_new); a message the provider delivered before is returned as it is, queued once."""
    from .tasks import process_inbound

    with transaction.atomic():
        contact = contact_for(provider, channel, address)
        try:
            with transaction.atomic():
                message = InboundMessage.objects.create(provider=provider, provider_message_id=provider_message_id,
                                                        contact=contact, body=body)
        except IntegrityError:
            log.info("repeated delivery of %s message %s", provider, provider_message_id)
            return InboundMessage.objects.get(provider=provider, provider_message_id=provider_message_id), False
        # The task row is written in this same transaction (django-tasks' database backend):
        # a message is never stored without its processing queued, nor queued unstored.
        process_inbound.enqueue(message.pk)
    return message, True


def process_message(message_id):
    """Answer one stored message. Locks it, so two workers given the same message (a task
    retried after a crash) process it once; its replies are written in the same transaction."""
    with transaction.atomic():
        message = (InboundMessage.objects.select_for_update().select_related("contact")
                   .filter(pk=message_id, status=InboundMessage.Status.RECEIVED).first())
        if message is None:
            return False
        contact = Contact.objects.select_for_update().get(pk=message.contact_id)
        contact.last_inbound_at = max(filter(None, [contact.last_inbound_at, message.received_at]))
        replies = respond(contact, message.body)
        contact.save()
        # The engine answers an opted-out number only to confirm its STOP.
        queue_replies(contact, replies, reply_to=message, confirms_opt_out=contact.opted_out)
        message.status = InboundMessage.Status.PROCESSED
        message.processed_at = timezone.now()
        message.save(update_fields=["status", "processed_at"])
    return True


def process_waiting_messages(older_than_seconds=60):
    """Process messages stored but not processed a while after arriving, and queue again
    replies not sent a while after they were due: their worker died mid-task. Safe beside
    running workers: processing and sending both lock their row and check its status."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    waiting = InboundMessage.objects.filter(status=InboundMessage.Status.RECEIVED, received_at__lt=cutoff)
    processed = sum(process_message(pk) for pk in waiting.order_by("received_at").values_list("pk", flat=True))
    return processed + resend_stuck_messages(cutoff)


def resend_stuck_messages(cutoff):
    from .outbound import enqueue_send

    pending = [OutboundMessage.Status.QUEUED, OutboundMessage.Status.RETRYING]
    stuck = OutboundMessage.objects.filter(status__in=pending, send_after__lt=cutoff, updated_at__lt=cutoff)
    # A later part of a reply waits for the part before it, which queues it once sent.
    earlier_pending = OutboundMessage.objects.filter(reply_to=OuterRef("reply_to"), sequence=OuterRef("sequence") - 1,
                                                     status__in=pending)
    stuck = stuck.exclude(Q(reply_to__isnull=False) & Exists(earlier_pending))
    stuck = list(stuck)
    for message in stuck:
        enqueue_send(message)
    return len(stuck)
