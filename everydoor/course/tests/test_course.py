"""The guided self-help course as a person uses it, through real HTTP: joining, the five
sessions in order, the PHQ-9 at the start, middle and end, the continue-code, and what a
risk answer or a reliably worse score does."""

import re

import pytest
from django.core import mail

from everydoor.accounts.roles import SUPERVISORS
from everydoor.conversations.tests.helpers import run_ready_tasks
from everydoor.course.models import Enrolment, MoodCheck
from everydoor.crisis.models import Escalation
from everydoor.helpers.models import Case
from everydoor.testing.staff import staff_user

pytestmark = pytest.mark.django_db

WEIGHT_CODES = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]  # PHQ-9 answers weighing 0, 1, 2, 3
JOIN = {"check_in_by": "whatsapp", "phone": "07700 900444", "safe_times": "Weekday mornings",
        "consent": "on"}


def join(client, language="en", **changes):
    response = client.post(f"/{language}/course/join/", {**JOIN, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Enrolment.objects.latest("started_at")


def answer_mood_check(client, point, weights, language="en"):
    """Answer the PHQ-9's nine scored questions with these weights, then the last question."""
    response = client.post(f"/{language}/course/mood/{point}/")
    assert response["Location"] == f"/{language}/check/phq-9/1/"
    for number, weight in enumerate(weights, start=1):
        response = client.post(f"/{language}/check/phq-9/{number}/", {"answer": WEIGHT_CODES[weight]})
    return response


def finish_session(client, number, language="en"):
    page = client.get(f"/{language}/course/session/{number}/")
    assert page.status_code == 200
    response = client.post(f"/{language}/course/session/{number}/done/")
    assert response["Location"] == f"/{language}/course/"
    return page.content.decode()


def test_joining_asks_how_to_check_in_and_keeps_what_was_typed_when_something_is_missing(client):
    response = client.post("/ar/course/join/", {"check_in_by": "sms", "phone": "07700 900444",
                                                 "safe_times": "بعد الظهر"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="07700 900444"' in page and 'value="بعد الظهر"' in page
    assert re.search(r'value="sms"[^>]*checked', page)
    assert Enrolment.objects.count() == 0
    bad = client.post("/en/course/join/", {**JOIN, "phone": "call me"})
    assert bad.status_code == 400 and "This does not look like a phone number." in bad.content.decode()


def test_a_whole_course_in_order_with_mood_at_the_start_middle_and_end(client):
    assert "Join the course" in client.get("/en/course/").content.decode()
    enrolment = join(client)
    case = Case.objects.get(enrolment=enrolment)
    assert case.kind == Case.Kind.SELF_HELP and case.status == Case.Status.WAITING and case.language == "en"

    home = client.get("/en/course/").content.decode()
    assert enrolment.continue_code in home and "Before the first session" in home
    assert client.get("/en/course/session/1/").status_code == 200  # may read ahead of the mood check
    assert client.get("/en/course/session/2/").status_code == 404  # but not skip sessions

    answer_mood_check(client, "start", [1, 1, 1, 1, 1, 0, 0, 0, 0])
    result = client.get("/en/check/phq-9/result/").content.decode()
    assert 'href="/en/course/"' in result and "Back to your course" in result

    page = finish_session(client, 1)
    assert "Practise: slow breathing" in page and "I have finished this session" in page
    finish_session(client, 2)
    assert "half way" in client.get("/en/course/").content.decode()
    assert client.get("/en/course/session/3/").status_code == 200
    client.post("/en/course/mood/middle/", {"skip": "1"})
    for number in (3, 4, 5):
        finish_session(client, number)
    answer_mood_check(client, "end", [0, 1, 0, 1, 0, 0, 0, 0, 0])
    home = client.get("/en/course/").content.decode()
    assert "You have finished the course. Well done." in home
    assert "5 out of 27" in home and "2 out of 27" in home and "not answered" in home
    enrolment.refresh_from_db()
    assert enrolment.finished_at is not None
    assert sorted(enrolment.mood_checks.values_list("point", "score", "worse")) == [
        ("end", 2, False), ("middle", None, False), ("start", 5, False)]


def test_the_continue_code_brings_the_course_back_on_another_phone(client):
    enrolment = join(client, language="so")
    finish_session(client, 1, language="so")
    other_phone = client.__class__()
    code = enrolment.continue_code.replace("-", " ").lower()
    response = other_phone.post("/so/course/continue/", {"code": code})
    assert response["Location"] == "/so/course/"
    home = other_phone.get("/so/course/").content.decode()
    assert enrolment.continue_code in home and 'href="/so/course/session/2/"' in home
    wrong = other_phone.post("/so/course/continue/", {"code": "AAAAA-AAAAA"})
    assert wrong.status_code == 400


def test_a_risk_answer_in_a_mood_check_raises_an_urgent_case_with_the_course_number(client):
    enrolment = join(client, language="ar")
    response = answer_mood_check(client, "start", [0, 0, 0, 0, 0, 0, 0, 0, 1], language="ar")
    assert response["Location"] == "/ar/check/safety/"
    escalation = Escalation.objects.get()
    assert escalation.contact_phone == "07700 900444" and escalation.language == "ar"
    assert Case.objects.get(escalation=escalation).kind == Case.Kind.URGENT
    assert MoodCheck.objects.get(enrolment=enrolment).screening == escalation.screening
    # The person already gave a number: the safety page shows help, not the form again.
    safety = client.get("/ar/check/safety/").content.decode()
    assert 'name="phone"' not in safety and 'class="success-message"' in safety
    client.post("/ar/check/phq-9/10/", {"answer": "LA6572-7"})
    assert Escalation.objects.count() == 1


def test_a_reliably_worse_score_tells_the_helpers_and_supervisors(client, django_capture_on_commit_callbacks):
    staff_user("dr-amina", SUPERVISORS, email="amina@nhs.example")
    enrolment = join(client)
    answer_mood_check(client, "start", [1, 1, 1, 0, 0, 0, 0, 0, 0])  # 3
    finish_session(client, 1)
    finish_session(client, 2)
    with django_capture_on_commit_callbacks(execute=True):
        answer_mood_check(client, "middle", [2, 2, 1, 1, 1, 1, 1, 0, 0])  # 9: up by 6
    with django_capture_on_commit_callbacks(execute=True):
        run_ready_tasks()
    case = Case.objects.get(enrolment=enrolment)
    assert case.attention_reasons == ["mood-worse:middle"] and case.attention_raised_at is not None
    assert MoodCheck.objects.get(enrolment=enrolment, point="middle").worse
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amina@nhs.example"]
    assert "07700" not in mail.outbox[0].body and str(case.pk) in mail.outbox[0].body


def test_a_rise_of_five_is_not_reliable_change(client):
    enrolment = join(client)
    answer_mood_check(client, "start", [1, 1, 1, 0, 0, 0, 0, 0, 0])  # 3
    finish_session(client, 1)
    finish_session(client, 2)
    answer_mood_check(client, "middle", [2, 2, 1, 1, 1, 1, 0, 0, 0])  # 8: up by 5
    assert not MoodCheck.objects.get(enrolment=enrolment, point="middle").worse
    assert Case.objects.get(enrolment=enrolment).attention_raised_at is None
