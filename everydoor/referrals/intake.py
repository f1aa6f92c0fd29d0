"""Every change to a referral goes through one of these functions, so there is one place
to audit: a person starts and submits it; a service accepts or declines it and records
the first contact."""

import uuid

from django.db import transaction
from django.utils import timezone

from everydoor.equity.models import JourneyEvent
from everydoor.equity.profiles import record_journey_step
from everydoor.helpers.models import AssistedEntry
from everydoor.privacy.audit import CONSENT_WITHDRAWN, REFERRAL_WORK, record_access
from everydoor.privacy.consent import give_consent
from everydoor.privacy.models import Consent

from .models import Referral, Service
from .routing import route_for


class NotAllowed(Exception):
    """The referral is not in a state where this can be done (e.g. accepting it twice)."""


def start_referral(language, screenings=()):
    referral = Referral.objects.create(language=language, preferred_language=language)
    referral.screenings.set(screenings)
    return referral


def submit_referral(referral, today=None, channel="web", journey=None):
    """Route the finished form and send it on. The person has consented on the last screen:
    to the referral, and to being contacted about it. `journey`: their anonymous journey id,
    kept until first contact so the service's steps join it."""
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
    referral.journey = str(journey) if journey else ""
    with transaction.atomic():
        referral.save()
        for purpose in (Consent.Purpose.REFERRAL, Consent.Purpose.CONTACT):
            give_consent(referral.code, purpose, channel, referral.language)
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
    _record_journey_step(referral, JourneyEvent.Step.REFERRAL_ACCEPTED)


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
    _record_journey_step(referral, JourneyEvent.Step.FIRST_CONTACT)
    # The last step the journey id was kept for: it links a named person to anonymous answers.
    referral.journey = ""
    referral.save(update_fields=["status", "first_contact_at", "first_contact_note", "journey", "updated_at"])
    record_access(user, "recorded first contact", referral, REFERRAL_WORK)


# Sent but not taken on by a service: the person can still take the request back. (A draft
# was never sent: there is nothing to withdraw.)
WITHDRAWABLE = (Referral.Status.SUBMITTED, Referral.Status.DECLINED)


@transaction.atomic
def withdraw_referral(referral, by):
    """The person took back their consent before a service accepted: the request leaves the
    service's inbox and the community queue, and is not sent if it has not gone yet."""
    referral = _locked(referral)
    if referral.status not in WITHDRAWABLE:
        raise NotAllowed(referral.status)
    referral.status = Referral.Status.WITHDRAWN
    if referral.delivery_status in (Referral.Delivery.PENDING, Referral.Delivery.RETRYING):
        referral.delivery_status = Referral.Delivery.NOT_NEEDED
    referral.save(update_fields=["status", "delivery_status", "updated_at"])
    record_access(by, "withdrawn by the person", referral, CONSENT_WITHDRAWN)
    return referral


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


def _record_journey_step(referral, step):
    """The person's journey reaches `step` in the service, under the channel and language
    they referred themselves in. Nothing, if no journey was kept (or it is cleared)."""
    if not referral.journey:
        return
    # Entered by a helper with the person, or from their paper form: the channel stays so.
    mode = AssistedEntry.objects.filter(referral=referral).values_list("mode", flat=True).first()
    record_journey_step(uuid.UUID(referral.journey), step, mode or "web", referral.language)
