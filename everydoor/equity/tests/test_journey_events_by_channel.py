"""Journey events from every door, through real HTTP: the web's language choice, SMS and
WhatsApp (signed Twilio webhooks, the real task queue), phone calls, and the service's
inbox. Each journey is a random id: never a contact's id, a phone number or a code."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from everydoor.accounts.roles import HELPERS
from everydoor.conversations.models import Contact
from everydoor.conversations.tests.conftest import twilio, twilio_api  # noqa: F401 (fixtures)
from everydoor.conversations.tests.helpers import run_ready_tasks
from everydoor.conversations.tests.twilio_shapes import call_webhook, signed_post, sms_webhook, whatsapp_webhook
from everydoor.equity.models import JourneyEvent
from everydoor.referrals.models import Referral
from everydoor.referrals.tests.helpers import create_service, create_user
from everydoor.referrals.tests.test_self_referral import ANSWERS
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db

PERSON = "+447700900123"
# Twilio's REST API, faked on a local port, for the replies the worker sends.
through_twilio = pytest.mark.usefixtures("twilio")


def steps(**filters):
    return sorted(JourneyEvent.objects.filter(**filters).values_list("step", "channel", "language"))


def journeys():
    return set(JourneyEvent.objects.values_list("journey", flat=True))


def text_in(client, *bodies, webhook=sms_webhook):
    for body in bodies:
        signed_post(client, "/conversations/twilio/messages/", webhook(PERSON, body))
        run_ready_tasks()


def call_and_press(client, *keys, call=1):
    call_sid = f"CA{call:032x}"
    twiml = signed_post(client, "/conversations/twilio/voice/", call_webhook(PERSON, call_sid))
    for key in keys:
        action = ET.fromstring(twiml.content).find("Gather").get("action")
        twiml = signed_post(client, action, call_webhook(PERSON, call_sid, key))


def refer_and_send(client, language="en"):
    client.post(f"/{language}/refer/start/")
    for slug, data in ANSWERS.items():
        client.post(f"/{language}/refer/{slug}/", data)
    client.post(f"/{language}/refer/check/", {"consent": "on"})
    return Referral.objects.get()


@pytest.fixture
def service_staff():
    """The service's own browser, signed in to its inbox (the person has no session there)."""
    inbox = Client()
    verified_login(inbox, create_user("riverside-staff", service=create_service()))
    return inbox


def accept_and_contact(inbox, referral):
    inbox.post(f"/staff/referrals/{referral.pk}/accept/")
    inbox.post(f"/staff/referrals/{referral.pk}/first-contact/",
               {"when": "2026-11-28T10:30", "note": "Spoke with an Arabic interpreter"})


def test_choosing_a_language_on_the_web_records_visited_and_chose_language_once(client):
    client.get("/")
    client.post("/language/", {"language": "ar", "next": ""})
    client.post("/language/", {"language": "ar", "next": "/ar/help-now/"})  # chosen again: nothing new
    assert steps() == [("chose_language", "web", "ar"), ("visited", "web", "ar")]
    assert len(journeys()) == 1


def test_reading_the_chooser_and_the_pages_it_leads_to_makes_no_session_and_records_nothing(client):
    for path in ["/", "/en/languages/", "/ar/", "/ar/languages/?next=/ar/help-now/"]:
        assert client.get(path).status_code == 200
    assert not JourneyEvent.objects.exists() and not Session.objects.exists()


@through_twilio
def test_an_sms_journey_to_a_result_is_one_journey_in_the_chosen_language(client):
    text_in(client, "hi", "2", "1", "3", "2", "4", "1")  # Arabic, check how you are, four answers
    sms_in_arabic = [(step, "sms", "ar") for step in ["chose_language", "completed_questionnaire", "saw_result",
                                                     "started_questionnaire", "visited"]]
    assert steps() == sms_in_arabic


@through_twilio
def test_an_sms_journey_is_a_random_id_kept_in_the_conversation_not_the_contact(client):
    text_in(client, "hi", "2")
    contact = Contact.objects.get()
    journey, = journeys()
    assert str(journey) == contact.state["journey"]
    assert journey != contact.pk and PERSON not in str(journey)


@through_twilio
def test_a_whatsapp_journey_records_its_first_steps(client):
    text_in(client, "hello", "1", "1", webhook=whatsapp_webhook)  # English, check how you are
    assert steps() == [("chose_language", "whatsapp", "en"), ("started_questionnaire", "whatsapp", "en"),
                       ("visited", "whatsapp", "en")]


@through_twilio
def test_a_call_that_asks_for_a_call_back_records_it(client):
    call_and_press(client, "2", "2", "1")  # Arabic, a helper's call, a message may be left
    assert steps() == [("asked_for_callback", "voice", "ar"), ("chose_language", "voice", "ar"),
                       ("visited", "voice", "ar")]


@through_twilio
def test_a_second_call_goes_on_with_the_same_journey(client):
    call_and_press(client, "1")
    call_and_press(client, "1", call=2)  # already in English: check how you are
    assert len(journeys()) == 1
    assert ("started_questionnaire", "voice", "en") in steps()


@through_twilio
def test_a_crisis_word_records_that_crisis_help_was_reached(client):
    text_in(client, "hi", "1", "help")
    assert ("reached_crisis_help", "sms", "en") in steps()


def test_a_call_back_asked_for_on_the_web_joins_the_journey_begun_by_choosing_a_language(client):
    client.post("/language/", {"language": "fr"})
    client.post("/fr/talk/", {"choice": "2"})
    client.post("/fr/talk/", {"typed": "07700 900123"})
    client.post("/fr/talk/", {"choice": "2"})  # no voice message
    assert ("asked_for_callback", "web", "fr") in steps()
    assert len(journeys()) == 1


def test_a_referral_accepted_and_contacted_records_every_step_under_the_persons_journey(client, service_staff):
    client.post("/language/", {"language": "en"})
    referral = refer_and_send(client)
    assert referral.journey == str(next(iter(journeys())))
    accept_and_contact(service_staff, referral)
    assert steps() == [("chose_language", "web", "en"), ("first_contact", "web", "en"),
                       ("referral_accepted", "web", "en"), ("referred", "web", "en"), ("visited", "web", "en")]
    assert len(journeys()) == 1


def test_the_referrals_journey_is_forgotten_once_first_contact_is_recorded(client, service_staff):
    referral = refer_and_send(client)
    accept_and_contact(service_staff, referral)
    referral.refresh_from_db()
    assert referral.journey == "" and referral.status == Referral.Status.CONTACTED


def test_a_referral_entered_by_a_helper_keeps_its_channel_in_the_service(client, service_staff):
    verified_login(client, staff_user("hana", HELPERS))
    client.post("/staff/cases/assist/", {"language": "fa", "what": "referral", "mode": "paper"})
    accept_and_contact(service_staff, refer_and_send(client, "fa"))
    assert steps(step__in=["referred", "referral_accepted", "first_contact"]) == [
        ("first_contact", "paper", "fa"), ("referral_accepted", "paper", "fa"), ("referred", "paper", "fa")]


def test_each_person_a_helper_assists_is_a_journey_of_their_own(client):
    verified_login(client, staff_user("hana", HELPERS))
    for language in ["ar", "ti"]:
        client.post("/staff/cases/assist/", {"language": language, "what": "phq-9", "mode": "assisted"})
    assert steps(step="chose_language") == [("chose_language", "assisted", "ar"), ("chose_language", "assisted", "ti")]
    assert len(journeys()) == 2
