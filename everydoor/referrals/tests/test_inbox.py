"""The provider inbox: list and filter, open, accept or decline with a reason, record the
first contact; the person sees the status with their code; every look is audited."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from everydoor.privacy.models import AuditEvent
from everydoor.referrals.models import Referral
from everydoor.testing.staff import authenticator, current_code, verified_login

from .helpers import PASSWORD, create_referral, create_service, create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    return create_service()


@pytest.fixture
def staff(client, service):
    user = create_user("riverside-staff", service=service)
    verified_login(client, user)
    return user


def test_the_inbox_lists_the_services_referrals(client, staff, service):
    referral = create_referral()
    page = client.get("/staff/referrals/").content.decode()
    assert referral.code in page
    assert referral.service == service


def test_the_inbox_does_not_list_drafts(client, staff):
    draft = create_referral(submit=False)
    assert draft.code not in client.get("/staff/referrals/").content.decode()


def test_the_inbox_filters_by_status_language_and_interpreter(client, staff):
    arabic = create_referral(preferred_language="ar", interpreter_needed=True)
    tigrinya = create_referral(preferred_language="ti", interpreter_needed=False)
    by_language = client.get("/staff/referrals/?language=ti").content.decode()
    assert tigrinya.code in by_language and arabic.code not in by_language
    by_interpreter = client.get("/staff/referrals/?interpreter=yes").content.decode()
    assert arabic.code in by_interpreter and tigrinya.code not in by_interpreter
    assert arabic.code not in client.get("/staff/referrals/?status=accepted").content.decode()


def test_opening_a_referral_shows_the_safe_contact_rules_and_is_audited(client, staff):
    referral = create_referral(do_not_speak_to="My brother")
    page = client.get(f"/staff/referrals/{referral.pk}/").content.decode()
    assert "Do not leave a voice message" in page
    assert "Do not speak to: My brother" in page
    assert "07700 900123" in page
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.object_id) == (staff, "viewed", str(referral.pk))


def test_accepting_changes_the_status_the_person_sees(client, staff):
    referral = create_referral()
    response = client.post(f"/staff/referrals/{referral.pk}/accept/")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED
    person = client.__class__()
    page = person.post("/en/refer/status/", {"code": referral.code}).content.decode()
    assert "The service has accepted your request." in page


def test_declining_needs_a_reason_and_then_reaches_the_community_queue(client, staff):
    referral = create_referral()
    refused = client.post(f"/staff/referrals/{referral.pk}/decline/", {"reason": ""})
    assert refused.status_code == 400
    assert "Give a reason" in refused.content.decode()
    client.post(f"/staff/referrals/{referral.pk}/decline/", {"reason": "Needs a specialist trauma service"})
    referral.refresh_from_db()
    assert (referral.status, referral.needs_community_worker) == (Referral.Status.DECLINED, True)
    worker = client.__class__()
    verified_login(worker, create_user("worker", community_worker=True))
    assert referral.code in worker.get("/staff/referrals/?queue=community").content.decode()


def test_the_person_is_told_a_community_worker_will_help_after_a_decline(client, staff):
    referral = create_referral()
    client.post(f"/staff/referrals/{referral.pk}/decline/", {"reason": "Out of scope"})
    page = client.__class__().post("/ar/refer/status/", {"code": referral.code}).content.decode()
    with translation.override("ar"):
        told = gettext(
            "The service cannot help you with this request. A community worker will contact you to find other help."
        )
    assert not told.isascii() and told in page


def test_a_referral_cannot_be_accepted_twice(client, staff):
    referral = create_referral()
    client.post(f"/staff/referrals/{referral.pk}/accept/")
    assert client.post(f"/staff/referrals/{referral.pk}/accept/").status_code == 409


def test_recording_first_contact(client, staff):
    referral = create_referral()
    client.post(f"/staff/referrals/{referral.pk}/accept/")
    response = client.post(f"/staff/referrals/{referral.pk}/first-contact/",
                           {"when": "2026-11-28T10:30", "note": "Spoke with an Arabic interpreter"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CONTACTED
    assert referral.first_contact_at.strftime("%Y-%m-%d %H:%M") == "2026-11-28 10:30"
    assert list(AuditEvent.objects.values_list("action", flat=True).order_by("at")) == [
        "accepted", "recorded first contact"]


def test_a_first_contact_in_the_future_is_refused(client, staff):
    referral = create_referral()
    response = client.post(f"/staff/referrals/{referral.pk}/first-contact/", {"when": "2099-01-01T10:00"})
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


def test_the_letter_download_is_audited(client, staff):
    referral = create_referral()
    response = client.get(f"/staff/referrals/{referral.pk}/letter.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert AuditEvent.objects.get().action == "downloaded letter"


def test_the_fhir_download_is_audited(client, staff):
    referral = create_referral()
    response = client.get(f"/staff/referrals/{referral.pk}/fhir.json")
    assert response.json()["resourceType"] == "Bundle"
    assert AuditEvent.objects.get().action == "downloaded FHIR bundle"


def test_signing_in_with_both_steps_leads_to_the_inbox(client, service):
    device = authenticator(create_user("new-staff", service=service))
    response = client.post("/staff/login/", {"username": "new-staff", "password": PASSWORD})
    assert response["Location"] == "/staff/two-factor/?next=/staff/"
    response = client.post(response["Location"], {"code": current_code(device), "next": "/staff/"})
    assert client.get(response["Location"])["Location"] == "/staff/referrals/"


def test_a_wrong_password_is_refused_with_a_message(client, service):
    create_user("new-staff", service=service)
    response = client.post("/staff/login/", {"username": "new-staff", "password": "wrong"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()


def test_a_community_worker_records_contact_on_a_declined_referral(client, staff):
    referral = create_referral()
    client.post(f"/staff/referrals/{referral.pk}/decline/", {"reason": "Needs a specialist service"})
    worker = client.__class__()
    verified_login(worker, create_user("worker", community_worker=True))
    assert "Record first contact" in worker.get(f"/staff/referrals/{referral.pk}/").content.decode()
    response = worker.post(f"/staff/referrals/{referral.pk}/first-contact/", {"when": "2026-11-28T09:00"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CONTACTED


def test_a_colleague_cannot_decline_what_another_has_just_accepted(staff):
    from everydoor.referrals.intake import NotAllowed, accept_referral, decline_referral

    referral = create_referral()
    seen_by_colleague = Referral.objects.get(pk=referral.pk)  # opened before the accept
    accept_referral(referral, staff)
    with pytest.raises(NotAllowed):
        decline_referral(seen_by_colleague, staff, "Out of area")
    assert Referral.objects.get(pk=referral.pk).status == Referral.Status.ACCEPTED
