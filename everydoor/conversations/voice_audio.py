"""Every line a caller can hear, in every language, so its recording can be made before the
first call (manage.py prepare_voice_audio) rather than while someone is listening."""

from django.db import transaction
from django.utils import translation

from everydoor.languages.registry import all_languages
from everydoor.readaloud.audio import request_recording
from everydoor.screening.answering import record_answer

from .journeys import JOURNEY, Conversation
from .models import Channel, Contact

# Steps whose words do not depend on the answers given.
FIXED_STEPS = ["menu", "self_referral", "callback", "callback_booked", "urgent", "urgent_alerted"]


class _Discard(Exception):
    pass


def voice_lines(language):
    """(language, line) pairs a call in `language` can speak, built by the journey's own
    steps on a throwaway call that is rolled back."""
    lines = []
    try:
        with transaction.atomic():
            for total in range(0, 13):  # every PHQ-4 total, so every result line is covered
                lines += _one_call(language, total, with_fixed_steps=total == 0)
            raise _Discard
    except _Discard:
        pass
    spoken = []
    for message in lines:
        message_language = getattr(message, "language", None) or language
        spoken += [(message_language, line.strip()) for line in message.splitlines() if line.strip()]
    return list(dict.fromkeys(spoken))


def _one_call(language, total, with_fixed_steps):
    contact = Contact.objects.create(channel=Channel.VOICE, provider="voice-audio", address="",
                                     address_key=f"voice-audio-{language}-{total}", language=language)
    conversation = Conversation(contact)
    messages = []
    with translation.override(language):
        if with_fixed_steps:
            messages += JOURNEY["language"].prompt(conversation)
            for name in FIXED_STEPS:
                messages += JOURNEY[name].prompt(conversation)
        instrument = conversation.instrument()
        remaining = total
        for question in instrument.questions:
            if with_fixed_steps:
                messages += JOURNEY["question"].prompt(conversation)
            else:
                conversation.screening(create=True)
            option = next(option for option in reversed(question.options) if option.weight <= remaining)
            remaining -= option.weight
            record_answer(conversation.screening(), instrument, question, option.code)
        messages += JOURNEY["result"].prompt(conversation)
    return messages


def request_voice_audio():
    """Ask for a recording of every voice line in every language with a voice. Returns how
    many lines were asked for (recordings that exist already are left as they are)."""
    count = 0
    for language in all_languages():
        for line_language, line in voice_lines(language.code):
            count += request_recording(line, line_language) is not None
    return count
