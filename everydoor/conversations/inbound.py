"""Messages in: stored and queued in one transaction before the provider is answered, then
processed by a worker exactly once."""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .engine import respond
from .models import Contact, InboundMessage, OutboundMessage, address_key
from .outbound import queue_replies, recover_interrupted_sends
from .storage import insert_unless_present

log = logging.getLogger(__name__)


def contact_for(provider, channel, address, key=None):
    key = key or address_key(channel, address)
    contact = Contact.objects.filter(channel=channel, address_key=key).first()
    if contact is None:
        try:
            with transaction.atomic():
                contact = Contact.objects.create(channel=channel, address_key=key, address=address,
                                                 provider=provider)
        except IntegrityError:  # the same number's first two messages were processed together
            contact = Contact.objects.get(channel=channel, address_key=key)
    return contact


def receive_message(provider, channel, address, provider_message_id, body):
    """Store an inbound message and queue its processing, atomically. Returns (message id,
    is_new); a message the provider delivered before is recognised, and queued only once.

    This is all a webhook does before it answers, so it is two statements: an insert that
    gives way to a repeated delivery (no savepoint), and the task's row."""
    from .tasks import process_inbound

    with transaction.atomic():
        message_id = insert_unless_present(
            InboundMessage, ["provider", "provider_message_id"], provider=provider,
            provider_message_id=provider_message_id, channel=channel, address_key=address_key(channel, address),
            address=address, body=body)
        if message_id is None:
            log.info("repeated delivery of %s message %s", provider, provider_message_id)
            return InboundMessage.objects.values_list("pk", flat=True).get(
                provider=provider, provider_message_id=provider_message_id), False
        # The task row is written in this same transaction (django-tasks' database backend):
        # a message is never stored without its processing queued, nor queued unstored.
        process_inbound.enqueue(message_id)
    return message_id, True


def process_message(message_id):
    """Answer a stored message, and any the same person sent before it that are still
    waiting, oldest first: two workers must not answer "2" before the "1" that came first.

    The contact is locked, so one worker at a time answers a person, and each message is
    answered once (a task retried after a crash finds it processed). Replies are written in
    the same transaction. Returns how many messages were answered."""
    with transaction.atomic():
        message = InboundMessage.objects.filter(pk=message_id).first()
        if message is None or message.status != InboundMessage.Status.RECEIVED:
            return 0
        contact = contact_for(message.provider, message.channel, message.address, key=message.address_key)
        contact = Contact.objects.select_for_update().get(pk=contact.pk)
        waiting = list(InboundMessage.objects.select_for_update()
                       .filter(channel=message.channel, address_key=message.address_key,
                               status=InboundMessage.Status.RECEIVED, pk__lte=message_id)
                       .order_by("pk"))
        for each in waiting:
            contact.last_inbound_at = max(filter(None, [contact.last_inbound_at, each.received_at]))
            replies = respond(contact, each.body)
            # The engine answers an opted-out number only to confirm its STOP.
            queue_replies(contact, replies, reply_to=each, confirms_opt_out=contact.opted_out)
            each.contact = contact
            each.address = ""  # kept once, on the contact
            each.status = InboundMessage.Status.PROCESSED
            each.processed_at = timezone.now()
            each.save(update_fields=["contact", "address", "status", "processed_at"])
        contact.save()
    return len(waiting)


def process_waiting_messages(older_than_seconds=60):
    """Process messages stored but not processed a while after arriving, queue again replies
    not sent a while after they were due, and settle sends a worker was in the middle of:
    their worker died mid-task. Safe beside running workers: processing and sending both
    lock their row and check its status."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    waiting = InboundMessage.objects.filter(status=InboundMessage.Status.RECEIVED, received_at__lt=cutoff)
    processed = sum(process_message(pk) for pk in waiting.order_by("received_at").values_list("pk", flat=True))
    return processed + resend_stuck_messages(cutoff) + recover_interrupted_sends(cutoff)


def resend_stuck_messages(cutoff):
    from .outbound import enqueue_send

    pending = [OutboundMessage.Status.QUEUED, OutboundMessage.Status.RETRYING]
    stuck = OutboundMessage.objects.filter(status__in=pending, send_after__lt=cutoff, updated_at__lt=cutoff)
    # A later part of a reply waits for the part before it, which queues it once sent.
    earlier_pending = OutboundMessage.objects.filter(reply_to=OuterRef("reply_to"), sequence=OuterRef("sequence") - 1,
                                                     status__in=[*pending, OutboundMessage.Status.SENDING])
    stuck = stuck.exclude(Q(reply_to__isnull=False) & Exists(earlier_pending))
    stuck = list(stuck)
    for message in stuck:
        enqueue_send(message)
    return len(stuck)
