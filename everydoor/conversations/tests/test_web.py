"""The web door: the same journey as SMS and the phone line, on a page, through real HTTP."""

import re
from html import unescape

import pytest

from everydoor.conversations.models import CallbackRequest, Contact
from everydoor.crisis.models import Escalation
from everydoor.screening.models import Screening

pytestmark = pytest.mark.django_db


def said(response):
    """The page's messages and labels as text, one line each."""
    body = response.content.decode()
    main = body[body.index("<main"):body.index("</main>")]
    return re.sub(r"\s*\n\s*", "\n", unescape(re.sub(r"<[^>]+>", "\n", main))).strip()


def reply(client, language="en", **fields):
    """Answer on the page in `language`; follow the redirect to what the engine said."""
    response = client.post(f"/{language}/talk/", fields)
    assert response.status_code == 302
    return client.get(response["Location"])


def test_a_visit_alone_stores_nothing_and_shows_the_menu_as_buttons(client):
    response = client.get("/en/talk/")
    assert response.status_code == 200
    assert not Contact.objects.exists()
    assert b'<button class="answer" type="submit" name="choice" value="1">1 Check how you are' in response.content
    assert b'value="0">0 Urgent help now' in response.content
    assert "STOP" not in said(response)  # nothing is texted to a web page, so there is nothing to stop


def test_a_full_phq4_journey_on_the_web_in_arabic(client):
    page = reply(client, "ar", choice="1")
    assert "الشعور بالعصبية" in said(page)  # PHQ-4 item 1 in Arabic
    assert b'dir="rtl"' in page.content
    for answer in ["3", "2", "4"]:
        page = reply(client, "ar", choice=answer)
    page = reply(client, "ar", typed=" 1 ")  # typed rather than pressed
    screening = Screening.objects.get()
    assert (screening.channel, screening.language, screening.status) == ("web", "ar", Screening.Status.COMPLETED)
    # Weights 2, 1, 3, 0: PHQ-4 total 6, "moderate" (Kroenke 2009), as by SMS.
    assert (screening.result["total"], screening.result["band"]) == (6, "moderate")
    text = said(page)
    assert "6" in text and "12" in text
    assert "هذه الترجمة" in text  # the translation is unvalidated, said beside the score
    assert 'value="4"' not in page.content.decode()  # no check-in message: there is no phone to send it to


def test_a_call_back_asks_for_a_number_and_keeps_a_wrong_one_to_correct(client):
    page = reply(client, "fr", choice="2")
    assert 'type="tel"' in page.content.decode()
    page = reply(client, "fr", typed="my number")
    assert "Cela ne ressemble pas à un numéro de téléphone." in said(page)  # in French
    assert 'value="my number"' in page.content.decode() and 'aria-invalid="true"' in page.content.decode()
    assert not CallbackRequest.objects.exists()
    page = reply(client, "fr", typed="07700 900123")
    page = reply(client, "fr", choice="2")  # no voice message
    callback = CallbackRequest.objects.get()
    assert (callback.channel, callback.language, callback.phone) == ("web", "fr", "07700 900123")
    assert callback.safe_to_leave_message is False
    assert Contact.objects.get().address == "07700 900123"


@pytest.mark.parametrize("word", ["0", "9", "help", "urgent", "I am not safe", "طوارئ"])
@pytest.mark.parametrize("choices_before", [[], ["1"], ["1", "2"], ["2"], ["3"]])
def test_a_crisis_word_at_any_step_brings_urgent_help_and_a_helper(client, word, choices_before):
    for choice in choices_before:
        reply(client, choice=choice)
    page = reply(client, typed=word)
    text = said(page)
    assert "999" in text and "116 123" in text and "85258" in text
    assert 'href="/en/help-now/"' in page.content.decode()
    page = reply(client, choice="1")  # a helper, as soon as possible: first, a number to call
    assert not Escalation.objects.exists()
    reply(client, typed="+44 7700 900456")
    escalation = Escalation.objects.get()
    assert escalation.source == Escalation.Source.CONVERSATION
    assert (escalation.contact_phone, escalation.language) == ("+44 7700 900456", "en")


def test_stop_on_the_web_is_not_an_opt_out(client):
    reply(client, choice="1")
    page = reply(client, typed="STOP")
    assert Contact.objects.get().opted_out_at is None
    assert "Sorry, that is not one of the choices." in said(page)


def test_choosing_a_language_moves_the_page_into_it(client):
    reply(client, choice="3")
    page = client.get("/en/talk/")
    assert 'lang="ar" dir="rtl">2 العربية</button>' in page.content.decode()
    response = client.post("/en/talk/", {"choice": "2"})
    assert response["Location"] == "/ar/talk/"
    assert "اطلب أن يتصل بك مساعد" in said(client.get("/ar/talk/"))


def test_changing_the_page_language_asks_the_same_question_in_it(client):
    reply(client, choice="1")
    page = client.get("/uk/talk/")
    assert "1 з 4" in said(page)  # "Question 1 of 4" in Ukrainian
    assert Contact.objects.get().language == "uk"


def test_a_choice_that_is_not_offered_is_explained_and_asked_again(client):
    page = reply(client, choice="7")
    text = said(page)
    assert text.index("Sorry, that is not one of the choices.") < text.index("1 Check how you are")


def test_start_again_forgets_the_conversation_in_this_browser(client):
    reply(client, choice="1")
    client.post("/en/talk/", {"restart": "1"})
    page = client.get("/en/talk/")
    assert "1 Check how you are" in said(page)
    assert "Start again" not in said(page)


def test_a_tampered_session_starts_afresh(client):
    session = client.session
    session["conversation"] = "not-a-uuid"
    session.save()
    assert client.get("/en/talk/").status_code == 200
    assert reply(client, choice="1").status_code == 200
