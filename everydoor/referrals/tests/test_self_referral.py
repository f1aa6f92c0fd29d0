"""The self-referral form through real HTTP: one topic per screen, the person's language,
nothing lost on a mistake, and an honest answer about what happens next."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from everydoor.referrals.models import Referral
from everydoor.screening.models import Screening

from .helpers import create_service

pytestmark = pytest.mark.django_db

ANSWERS = {
    "you": {"name": "Amal", "day": "31", "month": "3", "year": "1990"},
    "contact": {"phone": "07700 900123", "email": "", "contact_by": "text"},
    "safe-contact": {"may_leave_voicemail": "no", "may_text": "yes", "safe_times": ["morning", "evening"],
                     "do_not_speak_to": "My husband"},
    "doctor": {"has_gp": "no", "gp_practice": "", "postcode": "e15 4lz"},
    "language": {"preferred_language": "ar", "dialect": "Syrian", "interpreter_needed": "yes",
                 "interpreter_gender": "female", "clinician_gender": "female"},
    "results": {},
}


def in_arabic(message):
    with translation.override("ar"):
        translated = gettext(message)
    assert translated != message, "no Arabic translation"
    return translated


def begin(client, language="en"):
    client.get(f"/{language}/refer/")
    return client.post(f"/{language}/refer/start/")


def fill_in(client, language="en", answers=ANSWERS):
    begin(client, language)
    for slug, data in answers.items():
        response = client.post(f"/{language}/refer/{slug}/", data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
    return Referral.objects.get()


def test_the_form_goes_one_topic_per_screen_to_the_check_page(client):
    response = begin(client)
    assert response["Location"] == "/en/refer/you/"
    locations = [client.post(f"/en/refer/{slug}/", data)["Location"] for slug, data in ANSWERS.items()]
    assert locations == ["/en/refer/contact/", "/en/refer/safe-contact/", "/en/refer/doctor/",
                         "/en/refer/language/", "/en/refer/results/", "/en/refer/check/"]


def test_every_answer_is_stored_on_the_referral(client):
    referral = fill_in(client)
    assert (referral.name, referral.date_of_birth, referral.phone) == ("Amal", "1990-03-31", "07700 900123")
    assert (referral.may_leave_voicemail, referral.may_text) == (False, True)
    assert referral.safe_times == ["morning", "evening"]
    assert referral.do_not_speak_to == "My husband"
    assert (referral.postcode, referral.postcode_district, referral.has_gp) == ("E15 4LZ", "E15", "no")
    assert (referral.preferred_language, referral.dialect, referral.interpreter_needed) == ("ar", "Syrian", True)
    assert (referral.interpreter_gender, referral.clinician_gender) == ("female", "female")
    assert referral.status == Referral.Status.DRAFT


def test_sending_needs_consent_in_the_persons_language(client):
    fill_in(client, "ar")
    response = client.post("/ar/refer/check/", {})
    page = response.content.decode()
    assert response.status_code == 400
    assert in_arabic("We can only send your request if you agree. Please tick the box.") in page
    assert Referral.objects.get().status == Referral.Status.DRAFT


def test_a_sent_request_in_the_catchment_goes_to_the_service_and_says_so(client):
    service = create_service("Riverside Talking Therapies")
    fill_in(client)
    response = client.post("/en/refer/check/", {"consent": "on"})
    assert response["Location"] == "/en/refer/sent/"
    referral = Referral.objects.get()
    assert (referral.status, referral.service, referral.consent) == (Referral.Status.SUBMITTED, service, True)
    page = client.get("/en/refer/sent/").content.decode()
    assert "Your request is with Riverside Talking Therapies." in page
    assert referral.code in page


def test_no_gp_and_no_postcode_still_sends_the_request_to_a_community_worker(client):
    create_service()
    answers = {**ANSWERS, "doctor": {"has_gp": "no", "gp_practice": "", "postcode": ""}}
    fill_in(client, answers=answers)
    client.post("/en/refer/check/", {"consent": "on"})
    referral = Referral.objects.get()
    assert (referral.service, referral.route) == (None, Referral.Route.NO_POSTCODE)
    page = client.get("/en/refer/sent/").content.decode()
    assert "A community worker will contact you." in page
    assert "Without a postcode we cannot tell which NHS service covers where you live." in page


def test_someone_under_18_is_told_honestly_what_happens(client):
    create_service()
    answers = {**ANSWERS, "you": {"name": "Sami", "day": "1", "month": "1", "year": "2012"}}
    fill_in(client, answers=answers)
    client.post("/en/refer/check/", {"consent": "on"})
    assert Referral.objects.get().route == Referral.Route.UNDER_AGE
    assert "NHS Talking Therapies near you is for adults." in client.get("/en/refer/sent/").content.decode()


def test_errors_are_in_arabic_and_keep_what_was_typed(client):
    begin(client, "ar")
    response = client.post("/ar/refer/you/", {"name": "أمل", "day": "31", "month": "2", "year": "1990"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'dir="rtl"' in page and 'role="alert"' in page
    assert in_arabic("This date does not exist. Please check it.") in page
    assert 'value="أمل"' in page and 'value="31"' in page and 'value="1990"' in page
    assert Referral.objects.get().name == ""


def test_a_bad_postcode_is_refused_and_the_other_answers_stay(client):
    begin(client)
    response = client.post("/en/refer/doctor/", {"has_gp": "yes", "gp_practice": "Park Surgery", "postcode": "12345"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "This does not look like a UK postcode" in page
    assert 'value="Park Surgery"' in page
    assert re.search(r'value="yes"[^>]*checked', page)


def test_a_phone_call_needs_a_phone_number(client):
    begin(client)
    response = client.post("/en/refer/contact/", {"phone": "", "email": "amal@example.org", "contact_by": "call"})
    assert response.status_code == 400
    assert "Please give a phone number, or choose email." in response.content.decode()


def test_a_date_of_birth_in_the_future_is_refused(client):
    begin(client)
    response = client.post("/en/refer/you/", {"name": "Amal", "day": "1", "month": "1", "year": "2099"})
    assert "Your date of birth must be in the past." in response.content.decode()


def test_other_language_needs_its_name(client):
    begin(client)
    data = {**ANSWERS["language"], "preferred_language": "other", "other_language": ""}
    response = client.post("/en/refer/language/", data)
    assert "Please type the language you want to speak." in response.content.decode()


def test_the_check_page_sends_an_unfinished_form_back_to_the_first_empty_screen(client):
    begin(client)
    client.post("/en/refer/you/", ANSWERS["you"])
    assert client.get("/en/refer/check/")["Location"] == "/en/refer/contact/"


def test_change_from_the_check_page_comes_back_to_it(client):
    fill_in(client)
    response = client.post("/en/refer/contact/?back=check", {**ANSWERS["contact"], "phone": "07700 900999"})
    assert response["Location"] == "/en/refer/check/"
    assert "07700 900999" in client.get("/en/refer/check/").content.decode()


def test_a_result_held_on_the_phone_can_be_sent_with_the_request(client):
    client.post("/en/check/phq-9/all/", {f"phq-9-{n}": "LA6569-3" for n in range(1, 10)})
    screening = Screening.objects.get()
    fill_in(client, answers={**ANSWERS, "results": {"share": [str(screening.pk)]}})
    assert list(Referral.objects.get().screenings.all()) == [screening]


def test_a_result_can_be_added_by_its_code(client):
    client.post("/en/check/phq-9/all/", {f"phq-9-{n}": "LA6568-5" for n in range(1, 10)})
    screening = Screening.objects.get()
    other_phone = client.__class__()
    fill_in(other_phone, answers={**ANSWERS, "results": {"code": screening.continue_code.lower()}})
    assert list(Referral.objects.get().screenings.all()) == [screening]


def test_an_unknown_result_code_is_refused(client):
    begin(client)
    response = client.post("/en/refer/results/", {"code": "ACD4F-7HJK9"})
    assert response.status_code == 400
    assert "We cannot find a finished result with this code." in response.content.decode()


def test_the_code_brings_back_an_unfinished_request_on_another_phone(client):
    begin(client)
    client.post("/en/refer/you/", ANSWERS["you"])
    code = Referral.objects.get().code
    other_phone = client.__class__()
    response = other_phone.post("/en/refer/status/", {"code": code})
    assert response["Location"] == "/en/refer/contact/"
    assert 'value="Amal"' in other_phone.get("/en/refer/you/").content.decode()


def test_the_code_shows_the_status_of_a_sent_request(client):
    create_service()
    fill_in(client)
    client.post("/en/refer/check/", {"consent": "on"})
    code = Referral.objects.get().code
    response = client.__class__().post("/en/refer/status/", {"code": code})
    assert 'data-status="submitted"' in response.content.decode()


def test_a_sent_request_cannot_be_changed_through_the_form(client):
    create_service()
    fill_in(client)
    client.post("/en/refer/check/", {"consent": "on"})
    response = client.post("/en/refer/you/", {"name": "Someone else", "day": "1", "month": "1", "year": "1980"})
    assert response["Location"] == "/en/refer/"
    assert Referral.objects.get().name == "Amal"


def test_an_unknown_screen_is_not_found(client):
    begin(client)
    assert client.get("/en/refer/no-such-screen/").status_code == 404


def test_the_identifiable_answers_are_encrypted_in_the_database(client):
    from django.db import connection

    fill_in(client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone, date_of_birth, do_not_speak_to, postcode FROM referrals_referral")
        row = cursor.fetchone()
    assert not any(plain in " ".join(row) for plain in ("Amal", "07700", "1990", "husband", "E15 4LZ"))
