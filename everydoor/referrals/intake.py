"""Every change to a referral goes through one of these functions, so there is one place
to audit: a person starts and submits it; a service accepts or declines it and records
the first contact."""

from django.db import transaction
from django.utils import timezone

from everydoor.privacy.audit import REFERRAL_WORK, record_access

from .models import Referral, Service
from .routing import route_for


class NotAllowed(Exception):
    """The referral is not in a state where this can be done (e.g. accepting it twice)."""


def start_referral(language, screenings=()):
    referral = Referral.objects.create(language=language, preferred_language=language)
    referral.screenings.set(screenings)
    return referral


def submit_referral(referral, today=None):
    """Route the finished form and send it on. The person has consented on the last screen."""
    from .tasks import deliver_referral

    age, route = route_for(referral, today)
    referral.age_at_referral = age
    referral.service = route.service
    referral.route = route.reason
    referral.consent = True
    referral.status = Referral.Status.SUBMITTED
    referral.submitted_at = timezone.now()
    sends = route.service is not None and route.service.delivery != Service.Delivery.INBOX
    referral.delivery_status = Referral.Delivery.PENDING if sends else Referral.Delivery.NOT_NEEDED
    with transaction.atomic():
        referral.save()
        if sends:
            transaction.on_commit(lambda: deliver_referral.enqueue(str(referral.pk)))
    return referral


@transaction.atomic
def accept_referral(referral, user):
    _require_waiting(_locked(referral))
    referral.status = Referral.Status.ACCEPTED
    referral.decided_at = timezone.now()
    referral.save(update_fields=["status", "decided_at", "updated_at"])
    record_access(user, "accepted", referral, REFERRAL_WORK)


@transaction.atomic
def decline_referral(referral, user, reason):
    """A declined request goes to the community-worker queue too: nobody is left with no answer."""
    _require_waiting(_locked(referral))
    referral.status = Referral.Status.DECLINED
    referral.decline_reason = reason
    referral.decided_at = timezone.now()
    referral.needs_community_worker = True
    referral.save(update_fields=["status", "decline_reason", "decided_at", "needs_community_worker", "updated_at"])
    record_access(user, "declined", referral, REFERRAL_WORK)


@transaction.atomic
def record_first_contact(referral, user, when, note):
    """The service (or, after a decline, the community worker) has spoken to the person."""
    if not can_record_first_contact(_locked(referral)):
        raise NotAllowed(referral.status)
    referral.status = Referral.Status.CONTACTED
    referral.first_contact_at = when
    referral.first_contact_note = note
    referral.save(update_fields=["status", "first_contact_at", "first_contact_note", "updated_at"])
    record_access(user, "recorded first contact", referral, REFERRAL_WORK)


def can_record_first_contact(referral):
    if referral.status in (Referral.Status.SUBMITTED, Referral.Status.ACCEPTED):
        return True
    return referral.status == Referral.Status.DECLINED and referral.needs_community_worker


def _locked(referral):
    """The referral as stored now, locked until the change is saved: two colleagues deciding
    at the same moment cannot both accept, or accept and decline."""
    return Referral.objects.select_for_update().get(pk=referral.pk)


def _require_waiting(referral):
    if referral.status != Referral.Status.SUBMITTED:
        raise NotAllowed(referral.status)
