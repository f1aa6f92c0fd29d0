"""A person's own data, through real HTTP: they type a continue-code, see what we hold,
download it as JSON or a PDF, and delete it all; and a supervisor does the same for someone
who asks by phone or in person, with every step audited."""

import json
import re

import pytest
from django.core import mail

from everydoor.accounts.roles import HELPERS, SUPERVISORS
from everydoor.conversations.models import CallbackRequest, Contact, InboundMessage
from everydoor.conversations.tests.helpers import run_ready_tasks
from everydoor.course.models import Enrolment, HelperCheckIn, MoodCheck, SessionDone
from everydoor.crisis.models import Escalation
from everydoor.equity.models import JourneyEvent
from everydoor.helpers.models import AssistedEntry, Case, CaseNote
from everydoor.privacy.audit import SUBJECT_REQUEST
from everydoor.privacy.models import AuditEvent, Consent, SubjectRequest
from everydoor.referrals.models import Referral, Service
from everydoor.referrals.tests.helpers import create_referral, create_service
from everydoor.screening.instruments import load_instrument
from everydoor.screening.models import Screening
from everydoor.screening.tests.test_paper import letters_found, pdf_text
from everydoor.testing.staff import staff_user, verified_login

from .helpers import COURSE_PHONE, NOTE, REFERRAL_PHONE, SCREENING_PHONE, finished_screening, person_with_everything

pytestmark = pytest.mark.django_db

HELD = [Screening, Referral, Enrolment, SessionDone, MoodCheck, HelperCheckIn, Escalation, CallbackRequest, Contact,
        InboundMessage, Case, CaseNote, AssistedEntry, Consent]


@pytest.fixture
def person(db):
    return person_with_everything(staff_user("helper", HELPERS))


def enter(client, code, language="en"):
    return client.post(f"/{language}/your-data/", {"code": code})


def counts():
    return {model.__name__: model.objects.count() for model in HELD}


def test_a_code_we_do_not_know_says_no_data_was_found_and_keeps_what_was_typed(client):
    response = enter(client, "acd4f 7hjk9")
    assert response.status_code == 400
    page = response.content.decode()
    assert "We found no data for this code." in page
    assert 'value="acd4f 7hjk9"' in page


def test_something_that_is_not_a_code_is_explained_and_kept(client):
    response = enter(client, "my name")
    assert response.status_code == 400
    assert "A code has 10 letters and numbers" in response.content.decode()
    assert 'value="my name"' in response.content.decode()


def test_the_code_is_kept_in_the_session_and_never_in_a_web_address(client, person):
    code = person["referral"].code
    response = enter(client, code.lower().replace("-", " "))
    assert response["Location"] == "/en/your-data/held/"
    page = client.get(response["Location"]).content.decode()
    assert code in page
    addresses = re.findall(r'(?:href|action)="([^"]*)"', page)
    assert addresses and not [address for address in addresses if code in address]


def test_the_page_shows_answers_contact_details_and_helpers_notes_from_every_linked_record(client, person):
    enter(client, person["referral"].code)
    page = client.get("/en/your-data/held/").content.decode()
    first_question = load_instrument("phq-9", "ar").questions[0].text
    assert f'<span lang="ar" dir="rtl">{first_question}</span>' in page
    for held in [SCREENING_PHONE, REFERRAL_PHONE, COURSE_PHONE, NOTE, "Doing the breathing exercise daily."]:
        assert held in page


def test_numbers_and_codes_read_left_to_right_on_a_right_to_left_page(client, person):
    enter(client, person["referral"].code, language="ar")
    page = client.get("/ar/your-data/held/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert f'<span dir="ltr">{REFERRAL_PHONE}</span>' in page
    assert f'<strong dir="ltr">{person["referral"].code}</strong>' in page


def test_without_a_code_the_pages_send_the_person_to_type_one(client):
    for page in ["held/", "held/my-data.json", "held/my-data.pdf", "delete/"]:
        assert client.get(f"/en/your-data/{page}")["Location"] == "/en/your-data/"


def test_the_json_download_holds_everything_linked_to_the_code(client, person):
    enter(client, person["screening"].continue_code)
    response = client.get("/en/your-data/held/my-data.json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert {person["screening"].continue_code, person["referral"].code, person["course"].continue_code} <= set(
        data["codes"])
    assert data["referrals"][0]["phone"] == REFERRAL_PHONE
    assert data["urgent_calls"][0]["phone"] == SCREENING_PHONE
    assert data["courses"][0]["phone"] == COURSE_PHONE
    assert len(data["questionnaires"][0]["answers"]) == 9  # the scored nine; the tenth was not asked
    assert NOTE in [note["text"] for section in data["helper_notes"] for note in section["notes"]]
    assert {consent["purpose"] for consent in data["consents"][0]["consents"]} >= {
        "A helper or a service may contact you."}


def test_the_pdf_download_is_in_the_persons_language_and_holds_their_answers(client, person, tmp_path):
    enter(client, person["referral"].code, language="ar")
    response = client.get("/ar/your-data/held/my-data.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content, tmp_path)
    assert person["referral"].name in text
    assert letters_found(load_instrument("phq-9", "ar").questions[0].text, text) > 0.9


def test_deleting_asks_first_and_says_what_is_lost(client, person):
    enter(client, person["referral"].code)
    page = client.get("/en/your-data/delete/").content.decode()
    assert "A helper will no longer be able to contact you." in page
    assert 'method="post" action="/en/your-data/delete/now/"' in page
    assert client.get("/en/your-data/delete/now/").status_code == 405
    assert Referral.objects.filter(pk=person["referral"].pk).exists()


def test_it_deletes_everything_linked_to_the_code(client, person):
    someone_else = finished_screening("fa")
    JourneyEvent.objects.create(journey="7d1e3c1e-0000-4000-8000-000000000001", step="visited", channel="web",
                                language="ar")
    enter(client, person["screening"].continue_code)
    before, journey_events = counts(), JourneyEvent.objects.count()
    assert client.post("/en/your-data/delete/now/")["Location"] == "/en/your-data/deleted/"
    after = counts()
    assert after == {"Screening": 1, **{name: 0 for name in before if name != "Screening"}}
    assert all(before[name] > 0 for name in before), before  # there was something of each to delete
    assert Screening.objects.get() == someone_else
    assert JourneyEvent.objects.count() == journey_events  # anonymous counts are not linked to a code


def test_after_deleting_the_page_says_so_keeps_crisis_help_and_forgets_the_code(client, person):
    enter(client, person["referral"].code)
    page = client.get(client.post("/en/your-data/delete/now/")["Location"]).content.decode()
    assert "We have deleted everything we held under your code." in page
    assert 'href="/en/help-now/"' in page
    assert client.get("/en/your-data/held/")["Location"] == "/en/your-data/"


def test_deleting_writes_one_anonymous_audit_entry_per_record_with_ids_only(client, person):
    enter(client, person["referral"].code)
    client.post("/en/your-data/delete/now/")
    erased = AuditEvent.objects.filter(action="erased")
    assert {(event.actor_name, event.why) for event in erased} == {("anonymous", SUBJECT_REQUEST)}
    assert {(event.object_type, event.object_id) for event in erased} >= {
        ("referrals.referral", str(person["referral"].pk)), ("crisis.escalation", str(person["escalation"].pk)),
        ("course.enrolment", str(person["course"].pk)), ("screening.screening", str(person["screening"].pk))}
    assert erased.count() == 7  # 2 questionnaires (one the course's mood check), referral, course, 2 calls, chat


def test_a_request_deleted_before_it_was_sent_is_not_sent(client, django_capture_on_commit_callbacks):
    create_service("By email", delivery=Service.Delivery.EMAIL, intake_email="intake@nhs.example")
    with django_capture_on_commit_callbacks(execute=True):
        referral = create_referral()
    enter(client, referral.code)
    client.post("/en/your-data/delete/now/")
    assert run_ready_tasks() == 1  # the send, which finds nothing to send
    assert mail.outbox == []


def test_forgetting_the_code_on_this_phone_hides_the_data_again(client, person):
    enter(client, person["referral"].code)
    client.post("/en/your-data/forget/")
    assert client.get("/en/your-data/held/")["Location"] == "/en/your-data/"


# Staff, on a person's request ---------------------------------------------------------------


@pytest.fixture
def supervisor(client):
    return verified_login(client, staff_user("supervisor", SUPERVISORS))


def look_up(client, code, reference="Phoned on 30 November, ref 4411"):
    return client.post("/staff/cases/data-requests/", {"code": code, "reference": reference})


def test_a_supervisor_sees_what_is_held_and_the_look_is_recorded_with_how_the_person_asked(client, person, supervisor):
    response = look_up(client, person["referral"].code)
    assert response.status_code == 200
    assert REFERRAL_PHONE in response.content.decode()
    request = SubjectRequest.objects.get()
    assert (request.staff, request.action) == (supervisor, "viewed")
    assert request.reference == "Phoned on 30 November, ref 4411"
    viewed = AuditEvent.objects.filter(action="viewed", why=SUBJECT_REQUEST, actor=supervisor)
    assert ("referrals.referral", str(person["referral"].pk)) in {(e.object_type, e.object_id) for e in viewed}
    assert viewed.count() == len(request.records) == 7


def test_a_helper_who_is_not_a_supervisor_cannot_look_up_a_persons_data(client, person):
    verified_login(client, staff_user("helper-2", HELPERS))
    assert look_up(client, person["referral"].code).status_code == 403
    assert not SubjectRequest.objects.exists()


def test_staff_pages_need_the_second_factor(client, person):
    client.force_login(staff_user("supervisor", SUPERVISORS))
    assert "/staff/two-factor/" in client.get("/staff/cases/data-requests/")["Location"]


def test_staff_must_say_how_the_person_asked_and_keep_the_code_they_typed(client, person, supervisor):
    response = look_up(client, person["referral"].code, reference="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please write the request reference, or how the person asked." in page
    assert f'value="{person["referral"].code}"' in page
    assert REFERRAL_PHONE not in page
    assert not AuditEvent.objects.filter(why=SUBJECT_REQUEST).exists()


def test_a_supervisor_downloads_json_for_the_person_and_it_is_audited(client, person, supervisor):
    response = client.post("/staff/cases/data-requests/data.json",
                           {"code": person["referral"].code, "reference": "In person at the drop-in"})
    assert json.loads(response.content)["referrals"][0]["phone"] == REFERRAL_PHONE
    assert SubjectRequest.objects.get().action == "downloaded_json"
    assert AuditEvent.objects.filter(action="downloaded (JSON)", why=SUBJECT_REQUEST).count() == 7


def test_a_supervisor_prints_the_pdf_in_the_persons_language_and_it_is_audited(client, person, supervisor,
                                                                                 tmp_path):
    response = client.post("/staff/cases/data-requests/data.pdf",
                           {"code": person["referral"].code, "reference": "Letter, ref 12"})
    assert response.content.startswith(b"%PDF")
    assert letters_found(load_instrument("phq-9", "ar").questions[0].text, pdf_text(response.content, tmp_path)) > 0.9
    assert AuditEvent.objects.filter(action="downloaded (PDF)", why=SUBJECT_REQUEST).count() == 7


def test_a_supervisor_erases_on_request_and_the_audit_names_them(client, person, supervisor):
    response = client.post("/staff/cases/data-requests/erase/",
                           {"code": person["referral"].code, "reference": "Phoned, ref 4412", "confirm": "on"})
    assert response["Location"] == "/staff/cases/data-requests/?erased=1"
    assert not Referral.objects.exists() and not Escalation.objects.exists() and not CaseNote.objects.exists()
    erased = AuditEvent.objects.filter(action="erased")
    assert {(event.actor, event.why) for event in erased} == {(supervisor, SUBJECT_REQUEST)}
    request = SubjectRequest.objects.get()
    assert (request.action, request.reference) == ("erased", "Phoned, ref 4412")
    assert f"referrals.referral:{person['referral'].pk}" in request.records


def test_erasing_on_request_needs_the_confirmation(client, person, supervisor):
    response = client.post("/staff/cases/data-requests/erase/",
                           {"code": person["referral"].code, "reference": "Phoned, ref 4412"})
    assert response.status_code == 400
    assert "Please confirm that the person asked for this" in response.content.decode()
    assert Referral.objects.exists()
