import pytest
from django.utils.html import escape

from everydoor.crisis.models import Escalation
from everydoor.screening.models import Screening, normalise_continue_code

pytestmark = pytest.mark.django_db

NOT_AT_ALL, SEVERAL_DAYS, MORE_THAN_HALF = "LA6568-5", "LA6569-3", "LA6570-1"


def start(client, instrument="phq-9", language="en"):
    response = client.post(f"/{language}/check/{instrument}/start/")
    assert response.status_code == 302
    return Screening.objects.get()


def answer(client, number, code, instrument="phq-9", language="en"):
    return client.post(f"/{language}/check/{instrument}/{number}/", {"answer": code})


def test_the_list_offers_every_shipped_questionnaire(client):
    page = client.get("/en/check/").content.decode()
    for instrument in ["phq-9", "gad-7", "phq-4", "pcl-5", "who-5"]:
        assert f'href="/en/check/{instrument}/"' in page


def test_starting_shows_the_first_question_one_per_screen(client):
    start(client)
    page = client.get("/en/check/phq-9/1/").content.decode()
    assert "Little interest or pleasure in doing things" in page
    assert "Feeling down" not in page
    assert "Question 1 of 10" in page
    assert page.count('class="answer"') == 4


def test_each_answer_moves_to_the_next_question(client):
    start(client)
    response = answer(client, 1, SEVERAL_DAYS)
    assert response["Location"] == "/en/check/phq-9/2/"


def test_going_back_shows_the_answer_already_given(client):
    start(client)
    answer(client, 1, MORE_THAN_HALF)
    page = client.get("/en/check/phq-9/1/").content.decode()
    assert f'value="{MORE_THAN_HALF}" aria-pressed="true"' in page


def test_answering_the_same_question_twice_keeps_the_latest_answer(client):
    screening = start(client)
    answer(client, 1, MORE_THAN_HALF)
    answer(client, 1, NOT_AT_ALL)  # a reload or back-and-resubmit
    screening.refresh_from_db()
    assert screening.answers == {"phq-9-1": NOT_AT_ALL}


def test_an_answer_that_is_not_an_option_is_refused_in_the_persons_language_and_loses_nothing(client):
    screening = start(client, language="fr")
    answer(client, 1, SEVERAL_DAYS, language="fr")
    response = answer(client, 2, "made-up", language="fr")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert '<html lang="fr"' in response.content.decode()
    screening.refresh_from_db()
    assert screening.answers == {"phq-9-1": SEVERAL_DAYS}


def test_item_9_above_zero_shows_crisis_help_before_any_further_question(client):
    start(client)
    for number in range(1, 9):
        answer(client, number, NOT_AT_ALL)
    response = answer(client, 9, SEVERAL_DAYS)
    assert response["Location"] == "/en/check/safety/"
    page = client.get("/en/check/safety/").content.decode()
    assert 'href="tel:999"' in page and 'href="tel:116123"' in page


def test_item_9_at_zero_goes_on_without_crisis_routing(client):
    start(client)
    for number in range(1, 10):
        response = answer(client, number, NOT_AT_ALL)
    assert response["Location"] == "/en/check/phq-9/10/"


@pytest.mark.parametrize("language", ["ar", "ti", "so", "zh-hant"])
def test_crisis_help_after_a_risk_answer_is_in_the_persons_language(client, language):
    start(client, language=language)
    for number in range(1, 9):
        answer(client, number, NOT_AT_ALL, language=language)
    response = answer(client, 9, "LA6571-9", language=language)
    assert response["Location"] == f"/{language}/check/safety/"
    page = client.get(response["Location"]).content.decode()
    assert f'<html lang="{language}"' in page
    assert 'href="tel:999"' in page


def test_every_question_screen_has_an_i_am_not_safe_button(client):
    start(client, "gad-7")
    for number in range(1, 8):
        page = client.get(f"/en/check/gad-7/{number}/").content.decode()
        assert 'action="/en/check/not-safe/"' in page


def test_pressing_i_am_not_safe_shows_crisis_help_and_records_the_risk(client):
    screening = start(client, "who-5")
    response = client.post("/en/check/not-safe/")
    assert response["Location"] == "/en/check/safety/"
    screening.refresh_from_db()
    assert screening.risk_flagged


def test_a_helper_is_alerted_only_with_a_number_and_consent(client):
    start(client)
    client.post("/en/check/not-safe/")
    response = client.post("/en/check/safety/", {"phone": "07700 900123"})
    assert response.status_code == 400
    assert Escalation.objects.count() == 0
    assert 'value="07700 900123"' in response.content.decode()  # nothing typed is lost


def test_a_helper_is_alerted_when_the_person_agrees(client):
    screening = start(client)
    client.post("/en/check/not-safe/")
    client.post("/en/check/safety/", {"phone": "07700 900123", "consent": "on"})
    escalation = Escalation.objects.get()
    assert escalation.screening == screening
    assert escalation.source == Escalation.Source.NOT_SAFE_BUTTON
    assert escalation.contact_phone == "07700 900123"


def test_the_contact_number_is_stored_encrypted(client):
    from django.db import connection

    start(client)
    client.post("/en/check/not-safe/")
    client.post("/en/check/safety/", {"phone": "07700 900123", "consent": "on"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact_phone FROM crisis_escalation")
        stored = cursor.fetchone()[0]
    assert "900123" not in stored


def test_a_wrong_phone_number_is_explained_in_the_persons_language(client):
    client.post("/ar/check/not-safe/")
    response = client.post("/ar/check/safety/", {"phone": "abc", "consent": "on"})
    assert response.status_code == 400
    assert "This does not look like a phone number" not in response.content.decode()


def test_completing_the_questions_shows_the_result_in_plain_words(client):
    start(client, "gad-7")
    for number in range(1, 8):
        response = answer(client, number, MORE_THAN_HALF, instrument="gad-7")
    assert response["Location"] == "/en/check/gad-7/result/"
    page = client.get("/en/check/gad-7/result/").content.decode()
    assert "Your score is 14 out of 21." in page
    assert escape("Your answers show signs of anxiety that are affecting you quite a lot.") in page
    assert "This is not a diagnosis." in page


def test_a_score_in_a_draft_translation_says_it_is_unvalidated(client):
    start(client, "gad-7", language="ar")
    for number in range(1, 8):
        answer(client, number, NOT_AT_ALL, instrument="gad-7", language="ar")
    page = client.get("/ar/check/gad-7/result/").content.decode()
    assert 'data-translation-status="unvalidated"' in page
    assert Screening.objects.get().translation_status == "unvalidated"


def test_a_continue_code_brings_the_person_back_where_they_were(client, django_user_model):
    screening = start(client)
    answer(client, 1, NOT_AT_ALL)
    answer(client, 2, NOT_AT_ALL)
    client.cookies.clear()  # a new phone, or the browser was closed
    typed = screening.continue_code.lower().replace("-", " ")
    response = client.post("/en/check/continue/", {"code": typed})
    assert response["Location"] == "/en/check/phq-9/3/"


def test_a_wrong_continue_code_is_explained_and_kept_in_the_box(client):
    response = client.post("/en/check/continue/", {"code": "ACD4F-7HJK9"})
    assert response.status_code == 400
    assert "We cannot find this code" in response.content.decode()
    assert 'value="ACD4F-7HJK9"' in response.content.decode()


def test_continue_codes_are_read_whatever_the_case_and_spacing():
    assert normalise_continue_code(" acd4f 7hjk9 ") == "ACD4F-7HJK9"
    assert normalise_continue_code("ACD4F") is None


def test_questions_cannot_be_reached_without_starting(client):
    response = client.get("/en/check/phq-9/3/")
    assert response["Location"] == "/en/check/phq-9/"


def test_someone_elses_screening_is_not_reachable_by_changing_the_url(client):
    start(client, "phq-9")
    assert client.get("/en/check/gad-7/1/")["Location"] == "/en/check/gad-7/"
