"""Messages out: each stored first, then sent by a task that retries with backoff. The rules
that decide whether a message may be sent at all live here: an opted-out number gets
nothing, and WhatsApp free text only goes within 24 hours of the person's last message."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Channel, OutboundMessage
from .segments import count_segments

WHATSAPP_WINDOW = timedelta(hours=24)
PROVIDER_CLOCK_SKEW = timedelta(seconds=60)
# A send still unanswered after this is over: longer than any provider's request timeout.
SEND_GIVEN_UP_AFTER = timedelta(seconds=30)


def queue_replies(contact, texts, reply_to=None, confirms_opt_out=False):
    """Store messages for `contact` and queue the first; each one sent queues the next, so
    they arrive in order. `confirms_opt_out` marks the answer to a STOP, which is sent."""
    messages = [_stored(contact, text, reply_to=reply_to, sequence=number, confirms_opt_out=confirms_opt_out)
                for number, text in enumerate(texts)]
    sendable = [message for message in messages if message.status == OutboundMessage.Status.QUEUED]
    if sendable:
        enqueue_send(sendable[0])
    return messages


def queue_template(contact, template, values, send_after=None):
    """A WhatsApp template (or, on SMS, its text) for a message outside a conversation."""
    message = OutboundMessage.objects.create(contact=contact, template=template, template_values=values,
                                             send_after=send_after or timezone.now())
    enqueue_send(message)
    return message


def blocked_status(message, now=None):
    """Why the message may not be sent now (a status), or None when it may."""
    contact = message.contact
    if contact.opted_out and not message.confirms_opt_out:
        return OutboundMessage.Status.NOT_SENT
    if contact.channel == Channel.WHATSAPP and not message.template and not in_whatsapp_window(contact, now):
        return OutboundMessage.Status.NEEDS_TEMPLATE
    return None


def in_whatsapp_window(contact, now=None):
    now = now or timezone.now()
    return contact.last_inbound_at is not None and now - contact.last_inbound_at < WHATSAPP_WINDOW


def _stored(contact, text, reply_to, sequence, confirms_opt_out):
    segments = count_segments(text)
    message = OutboundMessage(contact=contact, body=text, reply_to=reply_to, sequence=sequence,
                              confirms_opt_out=confirms_opt_out, encoding=segments.encoding,
                              segments=segments.segments)
    message.status = blocked_status(message) or OutboundMessage.Status.QUEUED
    message.save()
    return message


def enqueue_send(message):
    """Queue the message's send task. Queueing twice (a lost task queued again by the sweep)
    sends once: the task sends only what is still queued or retrying."""
    from .tasks import send_outbound

    # In the caller's transaction (the database task backend): queued with the row, or not at all.
    send_outbound.using(run_after=max(message.send_after, timezone.now())).enqueue(str(message.pk))


def next_in_sequence(message):
    if message.reply_to_id is None:
        return None
    return OutboundMessage.objects.filter(reply_to_id=message.reply_to_id, sequence=message.sequence + 1,
                                          status=OutboundMessage.Status.QUEUED).first()


def enqueue_next(message):
    following = next_in_sequence(message)
    if following is not None:
        enqueue_send(following)


def record_sent(message, provider_id):
    """The provider took the message: note its id, and queue the next part of the reply."""
    with transaction.atomic():
        message.provider_message_id = provider_id
        message.status = OutboundMessage.Status.SENT
        message.error = ""
        message.save(update_fields=["provider_message_id", "status", "error", "updated_at"])
        enqueue_next(message)


def recover_interrupted_sends(cutoff):
    """Messages left "sending" before `cutoff` by a worker that died mid-send: asks the
    provider whether it took each, and sends again only those it did not. Returns how many
    were sent again."""
    from .providers import SendError, provider_named

    sent_again = 0
    cutoff = min(cutoff, timezone.now() - SEND_GIVEN_UP_AFTER)  # never a send still in progress
    interrupted = OutboundMessage.objects.filter(status=OutboundMessage.Status.SENDING, updated_at__lt=cutoff)
    for message_id in interrupted.values_list("pk", flat=True):
        with transaction.atomic():
            message = (OutboundMessage.objects.select_for_update().select_related("contact")
                       .filter(pk=message_id, status=OutboundMessage.Status.SENDING).first())
            if message is None:
                continue
            # The provider's clock and ours may differ a little.
            since = message.updated_at - PROVIDER_CLOCK_SKEW
            try:
                provider_id = provider_named(message.contact.provider).find_sent(message, since)
            except SendError:
                continue  # cannot ask now: the next sweep asks again
            if provider_id:
                record_sent(message, provider_id)
                continue
            message.status = OutboundMessage.Status.QUEUED
            message.save(update_fields=["status", "updated_at"])
            enqueue_send(message)
            sent_again += 1
    return sent_again
