"""A phone call: the same journey by keypad, spoken from recordings (or Twilio's voice where
none is ready), through Twilio's real request shapes and our real URLs."""

import io
import wave
import xml.etree.ElementTree as ET
from io import BytesIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from everydoor.conversations.journeys import JOURNEY, Conversation
from everydoor.conversations.models import CallbackRequest, Contact, InboundMessage
from everydoor.crisis.models import Escalation
from everydoor.readaloud.models import Recording
from everydoor.readaloud.tasks import generate_recording
from everydoor.screening.models import Screening

from .twilio_shapes import call_webhook, signed_post

pytestmark = pytest.mark.django_db
CALLER = "+447700900456"
CALL = "CA" + "1" * 32


class Call:
    def __init__(self, client):
        self.client = client
        self.turn_url = None

    def start(self):
        return self._twiml(signed_post(self.client, "/conversations/twilio/voice/", call_webhook(CALLER, CALL)))

    def press(self, digits, url=None):
        return self._twiml(signed_post(self.client, url or self.turn_url, call_webhook(CALLER, CALL, digits)))

    def stay_silent(self):
        """No key before the Gather times out: Twilio follows the Redirect."""
        return self._twiml(signed_post(self.client, self.silence_url, call_webhook(CALLER, CALL)))

    def _twiml(self, response):
        assert response.status_code == 200 and response["Content-Type"] == "text/xml"
        twiml = ET.fromstring(response.content)
        if twiml.find("Hangup") is not None:
            return twiml
        self.turn_url = twiml.find("Gather").get("action")
        self.silence_url = twiml.find("Redirect").text
        assert self.silence_url.startswith(self.turn_url + "&silent=")  # silence: the same question again
        return twiml


def spoken(twiml):
    return [(element.tag, element.text, element.get("language")) for element in twiml.find("Gather")]


def test_a_voice_journey_by_keypad_in_arabic_ends_with_a_call_back_in_arabic(client, twilio):
    call = Call(client)
    menu = call.start()
    gather = menu.find("Gather")
    assert gather.get("input") == "dtmf" and gather.get("numDigits") == "2"  # languages go up to 21
    # Each language's choice in that language: Twilio reads Arabic; Tigrinya has no voice yet.
    lines = spoken(menu)
    assert any(language == "arb" and "العربية" in text and "2" in text for _tag, text, language in lines)
    assert not any("ትግርኛ" in (text or "") for _tag, text, _language in lines)
    assert "not recorded in your language" in lines[-1][1]
    arabic_menu = call.press("2")
    assert arabic_menu.find("Gather").get("numDigits") == "1"
    assert all(language == "arb" for tag, _text, language in spoken(arabic_menu) if tag == "Say")
    call.press("1")
    for key in ["2", "2", "3", "1"]:
        result = call.press(key)
    screening = Screening.objects.get()
    assert screening.channel == "voice" and screening.result["total"] == 4  # 1+1+2+0
    assert any("12" in (text or "") for _tag, text, _language in spoken(result))
    call.press("1")  # a call back
    call.press("1")  # a message may be left
    callback = CallbackRequest.objects.get()
    assert (callback.language, callback.channel, callback.phone) == ("ar", "voice", CALLER)
    assert callback.safe_to_leave_message is True


def test_nine_gives_urgent_help_at_any_point_of_a_call(client, twilio):
    call = Call(client)
    call.start()
    call.press("1")  # English
    call.press("1")  # check how you are
    urgent = call.press("9")
    words = " ".join(text or "" for _tag, text, _language in spoken(urgent))
    assert "999" in words and "116 123" in words
    call.press("1")
    assert Escalation.objects.get().contact_phone == CALLER


def test_the_same_keys_sent_twice_are_acted_on_once(client, twilio):
    call = Call(client)
    call.start()
    url = call.turn_url
    call.press("1", url=url)
    again = call.press("1", url=url)  # Twilio retried the same turn
    assert Contact.objects.get().state["step"] == "menu"
    assert InboundMessage.objects.count() == 1
    assert any("Check how you are" in (text or "") for _tag, text, _language in spoken(again))


def test_silence_repeats_the_question(client, twilio):
    call = Call(client)
    call.start()
    repeated = call.stay_silent()
    assert Contact.objects.get().state["step"] == "language"
    assert call.turn_url.endswith("turn=1")
    assert spoken(repeated)


def test_a_silent_caller_hears_the_crisis_lines_and_the_call_ends(client, twilio):
    call = Call(client)
    call.start()
    call.press("1")  # English
    call.stay_silent()
    call.press("1")  # a key resets the count: three silences in a row end the call, not three in all
    call.stay_silent()
    call.stay_silent()
    assert Contact.objects.get().state["step"] == "question"
    goodbye = call.stay_silent()
    assert goodbye.find("Gather") is None and goodbye.find("Redirect") is None
    assert list(goodbye)[-1].tag == "Hangup"
    words = " ".join(element.text or "" for element in goodbye)
    assert "999" in words and "116 123" in words


def test_lines_with_a_recording_are_played_as_telephone_audio(client, twilio):
    call = Call(client)
    call.start()
    call.press("1")
    contact = Contact.objects.get()
    with_recording = Conversation(contact)
    line = JOURNEY["menu"].prompt(with_recording)[0].splitlines()[1]
    recording = Recording.objects.get(language="en", text=line)  # asked for when first spoken
    assert generate_recording.call(str(recording.pk)) == Recording.Status.READY
    menu = call.press("3")  # back to the language menu, then English again
    menu = call.press("1")
    played = [text for tag, text, _language in spoken(menu) if tag == "Play"]
    assert played == [f"https://everydoor.example/audio/{recording.pk}.wav"]
    audio = client.get(f"/audio/{recording.pk}.wav")
    assert audio.status_code == 200 and audio["Content-Type"] == "audio/wav"
    with wave.open(BytesIO(audio.content)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (8000, 1, 2)
        assert wav.getnframes() > 8000 * 0.5  # at least half a second of speech


def test_a_language_without_any_voice_says_so_in_english_and_offers_a_call_back(client, twilio):
    call = Call(client)
    call.start()
    tigrinya = call.press("8")
    said = [(tag, text) for tag, text, _language in spoken(tigrinya)]
    assert all(tag == "Say" for tag, _text in said)
    assert said == [("Say", said[-1][1])] and "not recorded in your language" in said[-1][1]


def test_a_call_with_a_bad_signature_is_refused(client, twilio):
    response = signed_post(client, "/conversations/twilio/voice/", call_webhook(CALLER, CALL), token="wrong")
    assert response.status_code == 403


def test_every_voice_line_can_be_recorded_before_the_first_call(django_capture_on_commit_callbacks):
    from everydoor.conversations.voice_audio import voice_lines

    lines = voice_lines("ar")
    assert ("ar", "خدمات الطوارئ: 999") in [(language, line.removeprefix("- ")) for language, line in lines]
    assert any(language == "fa" for language, _line in lines)  # the language menu, each in its own
    with translation.override("ar"):
        scores = [("ar", gettext("Score %(total)s out of %(maximum)s.") % {"total": total, "maximum": 12})
                  for total in range(13)]
    assert set(scores) <= set(lines)  # a result line for every PHQ-4 total
    assert not Contact.objects.exists() and not Screening.objects.exists()  # the throwaway call is gone
    with django_capture_on_commit_callbacks() as queued:
        call_command("prepare_voice_audio", stdout=io.StringIO())
    assert Recording.objects.filter(language="ar").count() >= len([1 for language, _ in lines if language == "ar"])
    assert len(queued) == Recording.objects.count()  # each new recording is queued to be made
