"""Twilio's webhooks: messages in (SMS and WhatsApp), delivery reports, and phone calls.

Every request must carry a valid X-Twilio-Signature for our public address (SITE_URL): one
that does not is refused with 403 and logged. Messages are stored before Twilio gets its
200; calls are answered at once, since a caller is listening.
"""

import functools
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

from everydoor.equity.models import JourneyEvent
from everydoor.readaloud.audio import audio_for

from ...engine import expected_choices, respond
from ...inbound import contact_for, receive_message
from ...journeys import JOURNEY, Conversation, start_over
from ...models import Channel, DeliveryReport, InboundMessage, OutboundMessage
from . import OUTSIDE_WHATSAPP_WINDOW, UNSUBSCRIBED_RECIPIENT

PROVIDER = "twilio"
log = logging.getLogger(__name__)
# Languages Twilio's own text-to-speech reads, for lines whose recording is not made yet:
# (language, voice). See shared/REFERENCE.md section 4.
# The same question asked this many times with no key pressed: say where to get help, and end.
SILENT_TURNS = 3
SAY_LANGUAGES = {"en": ("en-GB", None), "ar": ("arb", "Polly.Zeina")}
DELIVERY_STATUSES = {"sent": OutboundMessage.Status.SENT, "delivered": OutboundMessage.Status.DELIVERED,
                     "read": OutboundMessage.Status.DELIVERED, "failed": OutboundMessage.Status.FAILED,
                     "undelivered": OutboundMessage.Status.FAILED}


def public_url(request):
    """The address Twilio signed: ours as the world sees it, not as a proxy passed it on."""
    return settings.SITE_URL.rstrip("/") + request.get_full_path()


def twilio_signed(view):
    @csrf_exempt
    @require_POST
    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
        signature = request.headers.get("X-Twilio-Signature", "")
        if not settings.TWILIO_AUTH_TOKEN or not validator.validate(public_url(request), request.POST, signature):
            log.warning("refused a Twilio webhook with a bad signature: %s", request.path)
            return HttpResponseForbidden("Bad signature")
        return view(request, *args, **kwargs)

    return checked


def _twiml(response):
    return HttpResponse(str(response), content_type="text/xml")


@twilio_signed
def message_received(request):
    sender, message_id = request.POST.get("From", ""), request.POST.get("MessageSid", "")
    if not sender or not message_id:
        return HttpResponseBadRequest("From and MessageSid are required")
    whatsapp = sender.startswith("whatsapp:")
    receive_message(PROVIDER, Channel.WHATSAPP if whatsapp else Channel.SMS, sender.removeprefix("whatsapp:"),
                    message_id, request.POST.get("Body", ""))
    # The reply is sent by the worker through the API, so the answer here is empty.
    return _twiml(MessagingResponse())


@twilio_signed
def status_report(request):
    message_id, status = request.POST.get("MessageSid", ""), request.POST.get("MessageStatus", "")
    if not message_id or not status:
        return HttpResponseBadRequest("MessageSid and MessageStatus are required")
    error_code = request.POST.get("ErrorCode", "")
    with transaction.atomic():
        outbound = (OutboundMessage.objects.select_for_update().select_related("contact")
                    .filter(provider_message_id=message_id).first())
        DeliveryReport.objects.create(provider_message_id=message_id, outbound=outbound, status=status,
                                      error_code=error_code)
        if outbound is not None and status in DELIVERY_STATUSES:
            _note_delivery(outbound, DELIVERY_STATUSES[status], error_code)
    return HttpResponse(status=204)


def _note_delivery(outbound, status, error_code):
    if error_code == str(UNSUBSCRIBED_RECIPIENT):
        outbound.contact.opted_out_at = outbound.contact.opted_out_at or timezone.now()
        outbound.contact.save(update_fields=["opted_out_at"])
    if error_code == str(OUTSIDE_WHATSAPP_WINDOW):
        status = OutboundMessage.Status.NEEDS_TEMPLATE
    if outbound.status == OutboundMessage.Status.DELIVERED:
        return  # reports can arrive out of order: "sent" after "delivered" changes nothing
    outbound.status = status
    outbound.error = f"Twilio error {error_code}" if error_code else outbound.error
    outbound.save(update_fields=["status", "error", "updated_at"])


@twilio_signed
def call_started(request):
    caller, call_id = request.POST.get("From", ""), request.POST.get("CallSid", "")
    if not caller or not call_id:
        return HttpResponseBadRequest("From and CallSid are required")
    with transaction.atomic():
        contact = contact_for(PROVIDER, Channel.VOICE, caller)
        # Every call starts at the top: the language menu, or the main menu once we know it.
        start_over(contact, "menu" if contact.language else "language")
        conversation = Conversation(contact)
        conversation.record_step(JourneyEvent.Step.VISITED)
        contact.save()
        with translation.override(contact.language or "en"):
            messages = JOURNEY[contact.state["step"]].prompt(conversation)
    return _twiml(_voice_turn(contact, messages, turn=1))


@twilio_signed
def keys_pressed(request):
    caller, call_id = request.POST.get("From", ""), request.POST.get("CallSid", "")
    turn, silent = request.GET.get("turn", ""), request.GET.get("silent", "0")
    if not caller or not call_id or not turn.isdigit() or not silent.isdigit():
        return HttpResponseBadRequest("From, CallSid and turn are required")
    digits = request.POST.get("Digits", "")
    if not digits and int(silent) >= SILENT_TURNS:
        return _twiml(_goodbye(contact_for(PROVIDER, Channel.VOICE, caller)))
    with transaction.atomic():
        contact = contact_for(PROVIDER, Channel.VOICE, caller)
        contact = type(contact).objects.select_for_update().get(pk=contact.pk)
        repeated = not digits or not _first_time(contact, f"{call_id}:{turn}", digits)
        if repeated:
            # No key pressed (or Twilio sent the same keys again): say this step once more.
            with translation.override(contact.language or "en"):
                messages = JOURNEY[contact.state.get("step") or "language"].prompt(Conversation(contact))
        else:
            messages = respond(contact, digits)
    return _twiml(_voice_turn(contact, messages, turn=int(turn) + (0 if repeated else 1),
                              silent=0 if digits else int(silent)))


def _first_time(contact, key, digits):
    try:
        with transaction.atomic():
            InboundMessage.objects.create(provider=PROVIDER, provider_message_id=key, channel=contact.channel,
                                          address_key=contact.address_key, contact=contact, body=digits,
                                          status=InboundMessage.Status.PROCESSED, processed_at=timezone.now())
    except IntegrityError:
        return False
    return True


def _voice_turn(contact, messages, turn, silent=0):
    """TwiML that speaks the messages line by line and listens for keys. `silent`: how many
    times in a row the caller has let the question pass without a key."""
    response = VoiceResponse()
    action = f"{reverse('twilio-voice-gather')}?turn={turn}"
    digits = max(len(choice) for choice in expected_choices(contact))
    gather = response.gather(input="dtmf", num_digits=digits, finish_on_key="#", timeout=8, action=action)
    unspoken = _speak_messages(gather, messages, contact.language or "en")
    if unspoken:
        # No recording yet and no Twilio voice for the language: read as English, the text
        # would be nonsense, so the caller hears why, and how to reach a person.
        gather.say("Some of this message is not recorded in your language yet. Press 2 from the main menu "
                   "for a helper to call you back.", language="en-GB")
    response.redirect(f"{action}&silent={silent + 1}")  # nothing pressed: the same step again
    return response


def _goodbye(contact):
    """After a few turns of silence, the crisis lines, and the call ends. The caller may be
    unable to press a key, so what they hear last is where to get help."""
    response = VoiceResponse()
    with translation.override(contact.language or "en"):
        crisis_lines = JOURNEY["urgent"].prompt(Conversation(contact))[0]
    _speak_messages(response, [crisis_lines], contact.language or "en")
    response.hangup()
    return response


def _speak_messages(verb, messages, language):
    """Speak each line of the messages (a message may be in its own language); returns how
    many lines could be neither played nor read."""
    unspoken = 0
    for message in messages:
        message_language = getattr(message, "language", None) or language
        for line in filter(None, (line.strip() for line in message.splitlines())):
            unspoken += not _speak(verb, line, message_language)
    return unspoken


def _speak(gather, line, language):
    """Play the line's recording, or have Twilio read it; False when neither can be done."""
    recording = audio_for(line, language)
    if recording is not None:
        gather.play(settings.SITE_URL.rstrip("/") + reverse("telephone-audio", args=[recording.pk]))
    elif language in SAY_LANGUAGES:
        twilio_language, voice = SAY_LANGUAGES[language]
        gather.say(line, language=twilio_language, **({"voice": voice} if voice else {}))
    else:
        return False
    return True
