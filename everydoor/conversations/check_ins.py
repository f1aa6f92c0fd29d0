"""Check-ins: a message some days on asking how the person is. Only when they asked for it
and said this phone is safe to message, never in quiet hours, never after STOP, and worded
so that someone else reading the phone learns nothing about their health."""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .journeys import start_over
from .models import Channel, CheckIn
from .outbound import in_whatsapp_window, queue_replies, queue_template

CHECK_IN_AFTER = datetime.timedelta(days=14)
CHECK_IN_TEMPLATE = "check_in"  # its approved WhatsApp wording must match check_in_text


def outside_quiet_hours(moment):
    """`moment`, or the first minute after the quiet hours (local time) it falls in."""
    local = timezone.localtime(moment)
    start, end = settings.QUIET_HOURS  # e.g. (21, 9): nothing from 21:00 to 09:00
    if local.hour >= start:
        local = (local + datetime.timedelta(days=1)).replace(hour=end, minute=0, second=0, microsecond=0)
    elif local.hour < end:
        local = local.replace(hour=end, minute=0, second=0, microsecond=0)
    return local


def schedule_check_in(contact, after=CHECK_IN_AFTER, now=None):
    from .tasks import send_check_in

    due = outside_quiet_hours((now or timezone.now()) + after)
    check_in = CheckIn.objects.create(contact=contact, due_at=due)
    send_check_in.using(run_after=due).enqueue(str(check_in.pk))
    return check_in


def check_in_text(language):
    with translation.override(language or "en"):
        # Discreet on purpose: nothing about health or feelings, in case someone else reads it.
        return _("EveryDoor: it has been two weeks. Reply 1 for a few short questions, 0 for urgent help, "
                 "or STOP to stop messages.")


def send_due_check_in(check_in, now=None):
    contact = check_in.contact
    if check_in.status != CheckIn.Status.SCHEDULED:
        return check_in.status
    if contact.opted_out or not contact.reminders_wanted or contact.safe_to_message is not True:
        check_in.status = CheckIn.Status.CANCELLED
        check_in.save(update_fields=["status"])
        return check_in.status
    moment = outside_quiet_hours(now or timezone.now())
    if moment > timezone.localtime(now or timezone.now()):
        return _postponed(check_in, moment)  # reached in quiet hours (a worker was down): wait for morning
    start_over(contact, "menu")
    contact.save(update_fields=["state"])
    if contact.channel == Channel.WHATSAPP and not in_whatsapp_window(contact, now):
        queue_template(contact, CHECK_IN_TEMPLATE, {"1": "EveryDoor"})
    else:
        queue_replies(contact, [check_in_text(contact.language)])
    check_in.status = CheckIn.Status.SENT
    check_in.save(update_fields=["status"])
    return check_in.status


def _postponed(check_in, moment):
    from .tasks import send_check_in

    check_in.due_at = moment
    check_in.save(update_fields=["due_at"])
    send_check_in.using(run_after=moment).enqueue(str(check_in.pk))
    return check_in.status
