"""The conversation engine: one reply in, the messages to send back out. Channel-blind:
the providers turn an SMS, a WhatsApp message or a keypress into text, and the messages
back into their own form."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from everydoor.equity.models import JourneyEvent

from .journeys import JOURNEY, URGENT_CHOICES, Conversation
from .keywords import CRISIS, HELP, START, STOP, keyword_of
from .segments import within_budget


def respond(contact, text):
    """Move `contact`'s journey on by the reply `text`; return the messages to send.

    Saves the contact. Runs inside the caller's transaction, so the reply and its effects
    (an answer recorded, a call back asked for) are kept together or not at all."""
    conversation = Conversation(contact)
    if contact.state.get("step") is None:
        conversation.record_step(JourneyEvent.Step.VISITED)  # a first message: the journey begins
    keyword = keyword_of(text)
    if keyword in (STOP, START) and not conversation.sends_messages and not conversation.is_voice:
        keyword = None  # a web page gets nothing unasked: there is nothing to stop
    choice = text.strip()
    if contact.opted_out:
        if keyword != START:
            return []  # an opted-out number receives nothing, whatever it sends
        contact.opted_out_at = None
        return _go(contact, conversation, "menu" if contact.language else "language")
    if keyword == STOP:
        contact.opted_out_at = timezone.now()
        contact.save()
        with translation.override(contact.language or "en"):
            return [_("You will get no more messages from EveryDoor. Reply START to begin again.")]
    if keyword in (HELP, CRISIS) or choice in URGENT_CHOICES:
        return _go(contact, conversation, "urgent")
    step_name = contact.state.get("step")
    if step_name is None:
        # A first message: a language number from a leaflet is taken at once.
        taken = JOURNEY["language"].receive(conversation, choice)
        return _go(contact, conversation, taken or "language")
    step = JOURNEY[step_name]
    with translation.override(contact.language or "en"):
        next_step = step.receive(conversation, choice)
        if next_step is None:
            contact.save()
            return [step.not_understood(conversation)] + step.prompt(conversation)
    return _go(contact, conversation, next_step)


def _go(contact, conversation, step_name):
    contact.state["step"] = step_name
    if JOURNEY[step_name].reached:
        conversation.record_step(JOURNEY[step_name].reached)
    with translation.override(contact.language or "en"):
        messages = JOURNEY[step_name].prompt(conversation)
    contact.save()
    return messages if conversation.is_voice else [part for message in messages for part in within_budget(message)]


def expected_choices(contact):
    """The replies the contact's current step understands (for a keypad's digit count)."""
    step = JOURNEY.get(contact.state.get("step") or "language")
    return step.choices(Conversation(contact)) | URGENT_CHOICES
