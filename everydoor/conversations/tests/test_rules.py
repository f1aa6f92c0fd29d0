"""Message rules: what a text costs, which words act at any step, and the console provider."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from everydoor.conversations.journeys import JOURNEY, Conversation
from everydoor.conversations.keywords import CRISIS, HELP, START, STOP, keyword_of, words_in
from everydoor.conversations.models import Contact, OutboundMessage
from everydoor.conversations.segments import SEGMENT_BUDGET, count_segments, within_budget
from everydoor.languages.registry import all_languages
from everydoor.screening.answering import record_answer

LANGUAGES = [language.code for language in all_languages()]


@pytest.mark.parametrize("text, encoding, segments", [
    ("a" * 160, "GSM-7", 1),
    ("a" * 161, "GSM-7", 2),  # 153 per part once split
    ("a" * 306, "GSM-7", 2),
    ("a" * 307, "GSM-7", 3),
    ("€" * 80, "GSM-7", 1),  # the extension table costs two each: 160
    ("€" * 81, "GSM-7", 2),
    ("ç" * 70, "UCS-2", 1),  # ç is not in GSM 03.38 (Ç is)
    ("س" * 70, "UCS-2", 1),  # Arabic
    ("س" * 71, "UCS-2", 2),  # 67 per part once split
    ("ሰ" * 134, "UCS-2", 2),  # Ethiopic
    ("ሰ" * 135, "UCS-2", 3),
    ("🙂" * 35, "UCS-2", 1),  # outside the BMP: two UTF-16 units each
])
def test_segments_follow_gsm_and_ucs2_rules(text, encoding, segments):
    counted = count_segments(text)
    assert (counted.encoding, counted.segments) == (encoding, segments)


def test_a_long_message_is_split_between_lines_to_stay_within_budget():
    lines = ["س" * 60] * 5  # each line one segment, all five together five
    parts = within_budget("\n".join(lines), budget=2)
    assert parts == ["\n".join(lines[:2]), "\n".join(lines[2:4]), lines[4]]
    assert all(count_segments(part).segments <= 2 for part in parts)


def every_sms_prompt(language):
    """Every message of every step, as an SMS in `language` would carry it."""
    contact = Contact.objects.create(channel="sms", provider="console", address_key=f"budget-{language}",
                                     address="+447700900999", language=language)
    conversation = Conversation(contact)
    with translation.override(language):
        messages = []
        for name in ["language", "menu", "self_referral", "callback", "callback_booked", "urgent", "urgent_alerted"]:
            messages += JOURNEY[name].prompt(conversation)
        instrument = conversation.instrument()
        for number in range(1, len(instrument.questions) + 1):
            messages += JOURNEY["question"].prompt(conversation)
            question = instrument.question(number)
            # the highest-weighted answer gives the longest result (severe, with "talking can help")
            record_answer(conversation.screening(), instrument, question, question.options[-1].code)
        messages += JOURNEY["result"].prompt(conversation)
    return [part for message in messages for part in within_budget(message)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_journey_message_stays_within_the_sms_budget(language):
    over = [(count_segments(message).segments, message) for message in every_sms_prompt(language)
            if count_segments(message).segments > SEGMENT_BUDGET]
    assert over == []


@pytest.mark.parametrize("text, kind", [
    ("STOP", STOP), (" stop. ", STOP), ("Unsubscribe", STOP), ("توقف", STOP), ("START", START),
    ("help", HELP), ("HELP!", HELP), ("مساعدة", HELP),
    ("I feel like I want to kill myself", CRISIS), ("urgent", CRISIS), ("طوارئ", CRISIS),
    ("أفكر في الانتحار", CRISIS), ("أُفكر في الانتِحار", CRISIS),  # short vowels written or not
    ("İntihar etmek istiyorum", CRISIS), ("INTIHAR", CRISIS),  # Turkish capitals
    ("vetevrasje", CRISIS), ("vetëvrasje", CRISIS), ("dua te vdes", CRISIS),  # with or without accents
    ("خودكشي", CRISIS),  # Farsi written on an Arabic keyboard (ك, ي)
    ("শুরু", START),  # Bengali vowel signs are kept
    ("please stop asking", None), ("3", None), ("hi", None), ("endless", None),
])
def test_keywords_in_any_language(text, kind):
    assert keyword_of(text) == kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_stop_and_crisis_words_with_a_review_status(language):
    words = words_in(language)
    assert words.get("status") in {"original", "draft", "approved"}
    assert words.get("stop") and words.get("start") and words.get("crisis")


@pytest.mark.django_db
def test_a_developer_plays_a_conversation_in_the_terminal(monkeypatch):
    typed = iter(["hi", "1", "1", "help", "stop"])

    def next_line(prompt=""):
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", next_line)
    output = io.StringIO()
    call_command("play_conversation", stdout=output)
    printed = output.getvalue()
    assert "21 Français" in printed and "Question 1 of 4" in printed and "116 123" in printed
    assert "You will get no more messages" in printed
    assert not OutboundMessage.objects.exclude(status=OutboundMessage.Status.SENT).exists()
