"""Every question on one page: one page load on a slow connection, and how a helper keys in
a paper form. Same scoring, same crisis routing, nothing lost on a mistake."""

import uuid

import pytest

from everydoor.screening.models import Screening

pytestmark = pytest.mark.django_db

NOT_AT_ALL, SEVERAL_DAYS, NEARLY_EVERY_DAY = "LA6568-5", "LA6569-3", "LA6571-9"
SOMEWHAT_DIFFICULT = "LA6573-5"


def phq9_answers(**overrides):
    answers = {f"phq-9-{number}": NOT_AT_ALL for number in range(1, 10)}
    answers.update({key.replace("_", "-"): value for key, value in overrides.items()})
    return answers


def send(client, answers, language="en", submission=None):
    return client.post(
        f"/{language}/check/phq-9/all/", {**answers, "submission": submission or str(uuid.uuid4())}
    )


def test_the_page_shows_every_question_with_the_not_safe_button(client):
    page = client.get("/en/check/phq-9/all/").content.decode()
    assert "1. Little interest or pleasure in doing things" in page
    assert "9. Thoughts that you would be better off dead" in page
    assert page.count('type="radio"') == 10 * 4
    assert 'action="/en/check/not-safe/"' in page


def test_the_questionnaire_page_offers_the_one_page_version(client):
    page = client.get("/en/check/phq-9/").content.decode()
    assert 'href="/en/check/phq-9/all/"' in page


def test_a_full_answer_set_is_scored_and_shows_the_result(client):
    response = send(client, phq9_answers(phq_9_1=NEARLY_EVERY_DAY, phq_9_2=SEVERAL_DAYS))
    assert response["Location"] == "/en/check/phq-9/result/"
    screening = Screening.objects.get()
    assert screening.status == Screening.Status.COMPLETED
    assert screening.result["total"] == 4
    assert screening.result["band"] == "minimal"
    assert "Your score is 4 out of 27." in client.get(response["Location"]).content.decode()


def test_the_unscored_difficulty_question_may_be_left_out_or_answered(client):
    send(client, phq9_answers(phq_9_10=SOMEWHAT_DIFFICULT))
    send(client, phq9_answers())
    recorded = [screening.answers.get("phq-9-10") for screening in Screening.objects.order_by("created_at")]
    assert recorded == [SOMEWHAT_DIFFICULT, None]


def test_missing_answers_are_named_in_the_persons_language_and_the_given_answers_stay_chosen(client):
    answers = phq9_answers(phq_9_1=SEVERAL_DAYS)
    del answers["phq-9-4"], answers["phq-9-7"]
    response = send(client, answers, language="fr")
    page = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="fr"' in page and 'role="alert"' in page
    assert 'href="#phq-9-4"' in page and 'href="#phq-9-7"' in page and 'href="#phq-9-5"' not in page
    assert f'name="phq-9-1" value="{SEVERAL_DAYS}" checked' in page
    assert not Screening.objects.exists()


def test_an_empty_form_names_every_question_and_records_nothing(client):
    response = client.post("/en/check/phq-9/all/", {})
    assert response.status_code == 400
    assert response.content.decode().count('class="field-error"') == 9
    assert not Screening.objects.exists()


def test_an_answer_that_is_not_an_option_is_refused(client):
    response = send(client, phq9_answers(phq_9_3="made-up"))
    assert response.status_code == 400
    assert 'href="#phq-9-3"' in response.content.decode()
    assert not Screening.objects.exists()


def test_item_9_above_zero_shows_crisis_help_before_the_result(client):
    response = send(client, phq9_answers(phq_9_9=SEVERAL_DAYS))
    assert response["Location"] == "/en/check/safety/"
    assert Screening.objects.get().risk_flagged
    assert 'href="tel:999"' in client.get("/en/check/safety/").content.decode()


def test_sending_the_same_form_twice_records_one_screening(client):
    submission = str(uuid.uuid4())
    send(client, phq9_answers(), submission=submission)
    response = send(client, phq9_answers(phq_9_1=NEARLY_EVERY_DAY), submission=submission)
    assert response["Location"] == "/en/check/phq-9/result/"
    assert Screening.objects.count() == 1
    assert Screening.objects.get().result["total"] == 0


def test_a_form_without_its_key_still_counts(client):
    response = client.post("/en/check/phq-9/all/", phq9_answers())
    assert response.status_code == 302
    assert Screening.objects.count() == 1


def test_a_draft_translation_records_its_status_and_language(client):
    send(client, phq9_answers(), language="ar")
    screening = Screening.objects.get()
    assert (screening.language, screening.translation_status) == ("ar", "unvalidated")


def test_the_result_can_be_found_again_with_its_continue_code(client):
    send(client, phq9_answers())
    code = Screening.objects.get().continue_code
    client.cookies.clear()
    response = client.post("/en/check/continue/", {"code": code})
    assert response["Location"] == "/en/check/phq-9/result/"


@pytest.mark.django_db(transaction=True)
def test_sending_twice_records_one_screening_outside_a_transaction_too(client):
    # As in production: no test transaction around the request, so no savepoint either.
    submission = str(uuid.uuid4())
    send(client, phq9_answers(), submission=submission)
    response = send(client, phq9_answers(phq_9_1=NEARLY_EVERY_DAY), submission=submission)
    assert response["Location"] == "/en/check/phq-9/result/"
    assert Screening.objects.count() == 1
