"""The caseload: cases open themselves from urgent escalations, call-backs and referrals
left to community workers; urgent first; picked up once; notes reviewed by supervisors;
an urgent case nobody picks up in time is raised with the supervisors."""

import pytest
from django.core import mail
from django.utils import timezone

from everydoor.accounts.roles import HELPERS, SUPERVISORS
from everydoor.conversations.tests.helpers import run_ready_tasks
from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.models import Escalation
from everydoor.helpers.models import Case, CaseNote, HelperProfile
from everydoor.referrals.tests.helpers import create_referral, create_service
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def helper(client):
    return verified_login(client, staff_user("hana", HELPERS))


def urgent(language="ar", phone="07700 900111", minutes_ago=0):
    escalation = escalate_risk(source=Escalation.Source.NOT_SAFE_BUTTON, reasons=["The person said they are not "
                               "safe right now."], language=language, phone=phone, consent=True)
    if minutes_ago:
        Case.objects.filter(escalation=escalation).update(raised_at=timezone.now() - timezone.timedelta(
            minutes=minutes_ago))
    return escalation.case


def test_a_person_who_is_not_safe_becomes_an_urgent_case_at_the_top(client, helper):
    # A call-back asked for earlier by the web door, then someone not safe on the website.
    client.post("/fr/talk/", {"choice": "2"})
    client.post("/fr/talk/", {"typed": "07700 900333"})
    client.post("/fr/talk/", {"choice": "1"})
    client.get("/ar/check/phq-9/")
    client.post("/ar/check/phq-9/start/")
    client.post("/ar/check/not-safe/")
    client.post("/ar/check/safety/", {"phone": "07700 900444", "consent": "on"})
    callback, escalation = Case.objects.get(kind=Case.Kind.CALLBACK), Case.objects.get(kind=Case.Kind.URGENT)
    assert (callback.language, callback.channel) == ("fr", "web")
    assert escalation.language == "ar"
    page = client.get("/staff/cases/").content.decode()
    assert page.index(str(escalation.pk)) < page.index(str(callback.pk))  # urgent first, though newer


def test_a_referral_no_service_can_take_becomes_a_case_for_community_workers():
    create_service("Riverside", catchment_districts=["E15"])
    create_referral(postcode="E15 1AA")  # a service fits: not a helper's case
    queued = create_referral(postcode="M1 1AA", preferred_language="ps")
    case = Case.objects.get()
    assert (case.kind, case.referral, case.language) == (Case.Kind.REFERRAL, queued, "ps")


def test_picking_up_shows_the_number_and_keeps_others_off_the_case(client, helper):
    case = urgent()
    page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert "07700 900111" not in page and "Do not leave a voice message." in page
    assert client.post(f"/staff/cases/{case.pk}/pick-up/").status_code == 302
    page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert 'href="tel:07700 900111"' in page
    case.refresh_from_db()
    assert (case.status, case.assigned_to, case.escalation.status) == (
        Case.Status.PICKED_UP, helper, Escalation.Status.CONTACTED)
    other = client.__class__()
    verified_login(other, staff_user("yusuf", HELPERS))
    assert other.get(f"/staff/cases/{case.pk}/").status_code == 404
    assert str(case.pk) not in other.get("/staff/cases/").content.decode()


def test_two_helpers_picking_up_at_once_only_one_gets_it(client, helper):
    case = urgent()
    other = client.__class__()
    verified_login(other, staff_user("yusuf", HELPERS))
    page_before = other.get(f"/staff/cases/{case.pk}/")  # both have it open
    assert page_before.status_code == 200
    client.post(f"/staff/cases/{case.pk}/pick-up/")
    response = other.post(f"/staff/cases/{case.pk}/pick-up/")
    assert response.status_code == 404  # no longer theirs to see
    assert Case.objects.get().assigned_to == helper


def test_notes_are_reviewed_by_a_supervisor(client, helper):
    case = urgent()
    client.post(f"/staff/cases/{case.pk}/pick-up/")
    client.post(f"/staff/cases/{case.pk}/notes/", {"text": "Called; she is safe tonight and staying with her sister."})
    note = CaseNote.objects.get()
    assert note.author == helper and "staying with her sister" in note.text
    assert client.post(f"/staff/cases/notes/{note.pk}/review/", {"comment": "ok"}).status_code == 404
    supervisor = client.__class__()
    verified_login(supervisor, staff_user("dr-rahman", SUPERVISORS))
    assert str(case.pk) in supervisor.get("/staff/cases/notes-to-review/").content.decode()
    supervisor.post(f"/staff/cases/notes/{note.pk}/review/", {"comment": "Good safety plan."})
    note.refresh_from_db()
    assert note.reviewed_by.username == "dr-rahman" and note.review_comment == "Good safety plan."
    assert str(case.pk) not in supervisor.get("/staff/cases/notes-to-review/").content.decode()


def test_closing_needs_what_happened_and_keeps_what_was_typed(client, helper):
    case = urgent()
    client.post(f"/staff/cases/{case.pk}/pick-up/")
    client.post(f"/staff/cases/{case.pk}/notes/", {"text": "First call"})
    response = client.post(f"/staff/cases/{case.pk}/close/", {"outcome": "   "})
    assert response.status_code == 400 and "Please say what happened" in response.content.decode()
    response = client.post(f"/staff/cases/{case.pk}/notes/", {"text": ""})
    assert response.status_code == 400 and "Please write the note." in response.content.decode()
    client.post(f"/staff/cases/{case.pk}/close/", {"outcome": "Referred to the GP; safety plan agreed."})
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED and case.escalation.status == Escalation.Status.CLOSED
    assert case.notes.last().text == "Referred to the GP; safety plan agreed."


def test_an_urgent_case_nobody_picks_up_is_raised_with_supervisors(settings, client, helper,
                                                                   django_capture_on_commit_callbacks):
    settings.URGENT_PICK_UP_MINUTES = 0
    staff_user("dr-rahman", SUPERVISORS, email="rahman@nhs.example")
    staff_user("dr-no-email", SUPERVISORS)
    staff_user("another-helper", HELPERS, email="helper@example.org")
    waiting, picked = urgent(language="ps"), urgent(phone="07700 900999")
    client.post(f"/staff/cases/{picked.pk}/pick-up/")
    with django_capture_on_commit_callbacks(execute=True):  # the email goes once the alert is saved
        run_ready_tasks()
    waiting.refresh_from_db()
    picked.refresh_from_db()
    assert waiting.supervisors_alerted_at is not None and picked.supervisors_alerted_at is None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rahman@nhs.example"]
    assert "07700" not in mail.outbox[0].body and str(waiting.pk) in mail.outbox[0].body
    assert "Supervisors told" in client.get("/staff/cases/").content.decode()


def test_the_console_speaks_the_helpers_language(client, helper):
    HelperProfile.objects.create(user=helper, languages=["ar"], console_language="ar")
    urgent()
    page = client.get("/staff/cases/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "العربية" in page


def test_a_case_that_does_not_exist_is_a_404_not_a_500(client, helper):
    assert client.get("/staff/cases/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/staff/cases/?language=xx").status_code == 200


def test_urgent_help_asked_for_in_a_conversation_is_an_urgent_case(client, helper):
    client.post("/so/talk/", {"typed": "help"})
    client.post("/so/talk/", {"choice": "1"})
    client.post("/so/talk/", {"typed": "07700 900555"})
    case = Case.objects.get()
    assert (case.kind, case.language, case.channel) == (Case.Kind.URGENT, "so", "conversation")
    assert case.escalation.contact_phone == "07700 900555"
