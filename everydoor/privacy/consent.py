"""Consent, per purpose: to be contacted, to be referred, to research use of anonymous
answers. Given where the person ticks the box, kept under their continue-code (research:
their anonymous journey id), and taken back here, with its effects, at any time.

Every change to consent goes through give_consent and withdraw_consent."""

import uuid
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from everydoor.conversations.models import CheckIn
from everydoor.equity.models import EquityProfile
from everydoor.helpers.cases import add_note
from everydoor.helpers.models import Case
from everydoor.referrals.models import Referral

from .holdings import Fact, Section, find_holdings, held_facts
from .models import Consent

Purpose = Consent.Purpose

# What the person agreed to, as the your-data page says it.
PURPOSES = {
    Purpose.CONTACT: gettext_lazy("A helper or a service may contact you."),
    Purpose.REFERRAL: gettext_lazy("EveryDoor may send your request for help to a service."),
    Purpose.RESEARCH: gettext_lazy("Your anonymous answers about yourself may be used for research."),
}

# Written on the helpers' case, in English like the rest of the console's notes.
CONTACT_WITHDRAWN_NOTE = ("The person withdrew their consent to be contacted. Their phone numbers have been "
                          "erased: do not contact them.")
REFERRAL_WITHDRAWN_NOTE = "The person withdrew their referral. Nothing more to do for it."


@dataclass
class Withdrawal:
    """What taking consent back changed, for the page that tells the person."""

    purpose: str
    consents: int = 0  # consent records marked withdrawn
    phones_erased: int = 0
    calls_cancelled: int = 0
    check_ins_cancelled: int = 0
    cases_noted: int = 0
    referrals_withdrawn: int = 0
    # Services that have the request already (accepted it, or were sent it): the person
    # must ask them directly.
    services_to_contact: list = field(default_factory=list)
    research_markers: int = 0


def give_consent(holder, purpose, channel, language):
    """Record that the person agreed to `purpose`. Agreeing again while a yes stands
    records nothing new."""
    consent = Consent.objects.filter(holder=holder, purpose=purpose, withdrawn_at__isnull=True).first()
    if consent is None:
        consent = Consent.objects.create(holder=holder, purpose=purpose, channel=channel, language=language or "")
    if purpose == Purpose.RESEARCH:
        EquityProfile.objects.filter(journey=_journey(holder)).update(research_use=True)
    return consent


def consents_for(holder):
    """Every consent given under this holder, and under the other codes of the same person
    (a referral's code brings in its questionnaires' codes), oldest first."""
    holdings = find_holdings(holder)
    holders = holdings.codes if holdings else [holder]
    return list(Consent.objects.filter(holder__in=holders).order_by("given_at"))


def withdraw_consent(holder, purpose, by=None):
    """Take back consent for `purpose`, under this holder and the person's other codes, and
    do what it means now: no more contact, the request taken back, or the anonymous answers
    kept out of research. `by` is whoever did it for the person (anonymous: themself)."""
    by = by or AnonymousUser()
    result = Withdrawal(purpose=purpose)
    holdings = find_holdings(holder) if purpose != Purpose.RESEARCH else None
    holders = holdings.codes if holdings else [holder]
    with transaction.atomic():
        result.consents = Consent.objects.filter(
            holder__in=holders, purpose=purpose, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
        if purpose == Purpose.CONTACT and holdings:
            _stop_contact(holdings, result)
        elif purpose == Purpose.REFERRAL and holdings:
            _take_back_referrals(holdings, by, result)
        elif purpose == Purpose.RESEARCH:
            result.research_markers = EquityProfile.objects.filter(journey=_journey(holder)).update(
                research_use=False)
    return result


def _journey(holder):
    try:
        return uuid.UUID(str(holder))
    except ValueError:
        return None


def _stop_contact(holdings, result):
    """Erase every phone number held under the codes, cancel calls and check-ins still to
    come, and tell whoever has the case."""
    for escalation in holdings.escalations:
        result.phones_erased += bool(escalation.contact_phone)
        escalation.contact_phone, escalation.contact_consent = "", False
        escalation.save(update_fields=["contact_phone", "contact_consent"])
    for enrolment in holdings.enrolments:
        result.phones_erased += bool(enrolment.contact_phone)
        enrolment.contact_phone = ""
        enrolment.save(update_fields=["contact_phone"])
    for referral in holdings.referrals:
        result.phones_erased += bool(referral.phone)
        referral.phone, referral.email = "", ""
        referral.save(update_fields=["phone", "email", "updated_at"])
    for callback in holdings.callbacks:
        _cancel_callback(callback, result)
    result.check_ins_cancelled = CheckIn.objects.filter(
        contact__in=holdings.conversations, status=CheckIn.Status.SCHEDULED).update(status=CheckIn.Status.CANCELLED)
    for contact in holdings.conversations:
        contact.reminders_wanted = False
        contact.save(update_fields=["reminders_wanted"])
    for case in holdings.cases:
        add_note(case, None, CONTACT_WITHDRAWN_NOTE)
        result.cases_noted += 1


def _cancel_callback(callback, result):
    result.phones_erased += bool(callback.phone)
    callback.phone = ""
    if callback.status == callback.Status.OPEN:
        callback.status = callback.Status.CLOSED
        result.calls_cancelled += 1
        case = Case.objects.filter(callback=callback).exclude(status=Case.Status.CLOSED).first()
        if case is not None:
            _close_case(case)
    callback.save(update_fields=["phone", "status"])


def _close_case(case):
    case.status = Case.Status.CLOSED
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "closed_at"])


def _take_back_referrals(holdings, by, result):
    # Imported here: referral intake records consent through this module.
    from everydoor.referrals.intake import WITHDRAWABLE, withdraw_referral

    for referral in holdings.referrals:
        if referral.status in WITHDRAWABLE:
            if referral.delivery_status == Referral.Delivery.DELIVERED and referral.service:
                result.services_to_contact.append(referral.service.name)
            withdraw_referral(referral, by)
            result.referrals_withdrawn += 1
            _close_referral_case(referral)
        elif referral.status in (Referral.Status.ACCEPTED, Referral.Status.CONTACTED) and referral.service:
            result.services_to_contact.append(referral.service.name)


def _close_referral_case(referral):
    case = Case.objects.filter(referral=referral).exclude(status=Case.Status.CLOSED).first()
    if case is not None:
        add_note(case, None, REFERRAL_WITHDRAWN_NOTE)
        _close_case(case)


def describe_consents(consents):
    """The consents as a section of the downloads."""
    return Section("consents", _("What you agreed to"), [
        Fact("consents", _("Consents"), [held_facts(
            Fact("purpose", _("What for"), str(PURPOSES.get(consent.purpose, consent.purpose))),
            Fact("given_at", _("Agreed"), consent.given_at),
            Fact("withdrawn_at", _("Withdrawn"), consent.withdrawn_at),
        ) for consent in consents]),
    ])
