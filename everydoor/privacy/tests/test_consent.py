"""Consent per purpose: recorded where the person gives it, shown on their data page, and
taken back there, with what that means done at once."""

import pytest

from everydoor.accounts.roles import HELPERS
from everydoor.conversations.models import CheckIn
from everydoor.course.models import Enrolment
from everydoor.crisis.models import Escalation
from everydoor.equity.models import EquityProfile
from everydoor.equity.profiles import SESSION_KEY as JOURNEY
from everydoor.helpers.models import Case
from everydoor.privacy.audit import CONSENT_WITHDRAWN
from everydoor.privacy.consent import consents_for, give_consent, withdraw_consent
from everydoor.privacy.models import AuditEvent, Consent
from everydoor.referrals.intake import accept_referral
from everydoor.referrals.models import Referral
from everydoor.referrals.tests.helpers import create_referral, create_service
from everydoor.testing.staff import staff_user, verified_login

from .helpers import call_back, finished_screening, on_course, urgent_call

pytestmark = pytest.mark.django_db

Purpose = Consent.Purpose


def purposes(holder):
    return sorted((consent.purpose, consent.channel, consent.language) for consent in Consent.objects.filter(
        holder=holder, withdrawn_at__isnull=True))


def enter(client, code):
    assert client.post("/en/your-data/", {"code": code}).status_code == 302


def withdraw(client, purpose):
    return client.post(f"/en/your-data/consents/{purpose}/withdraw/")


# Where consent is given --------------------------------------------------------------------


def test_sending_a_referral_records_consent_to_the_referral_and_to_contact():
    create_service()
    referral = create_referral(language="ar")
    assert purposes(referral.code) == [("contact", "web", "ar"), ("referral", "web", "ar")]


def test_joining_the_course_records_consent_to_contact(client):
    client.post("/so/course/join/", {"check_in_by": "sms", "phone": "07700 900444", "consent": "on"})
    assert purposes(Enrolment.objects.get().continue_code) == [("contact", "web", "so")]


def test_asking_for_a_call_on_the_safety_page_records_consent_under_the_questionnaire_code(client):
    screening = finished_screening("en")
    client.post("/en/check/continue/", {"code": screening.continue_code})
    client.post("/en/check/safety/", {"phone": "07700 900555", "consent": "on"})
    assert Escalation.objects.get().screening == screening
    assert purposes(screening.continue_code) == [("contact", "web", "en")]


def test_asking_for_a_call_back_in_the_web_chat_records_consent_under_the_questionnaire_code():
    screening = finished_screening("ar")
    call_back(screening)
    assert purposes(screening.continue_code) == [("contact", "web", "ar")]


def test_agreeing_again_while_a_yes_stands_records_it_once():
    give_consent("ACD4F-7HJK9", Purpose.CONTACT, "web", "en")
    give_consent("ACD4F-7HJK9", Purpose.CONTACT, "sms", "en")
    assert Consent.objects.count() == 1


def test_research_use_is_an_unticked_choice_on_the_about_you_page(client):
    page = client.get("/en/about-you/").content.decode()
    assert 'name="research_use"' in page and 'name="research_use" checked' not in page
    client.post("/en/about-you/", {"age_band": "25-34"})
    assert EquityProfile.objects.get().research_use is False
    assert not Consent.objects.exists()


def test_ticking_research_use_records_consent_under_the_anonymous_journey(client):
    client.post("/ar/about-you/", {"age_band": "25-34", "research_use": "on"})
    profile = EquityProfile.objects.get()
    assert profile.research_use is True
    assert purposes(str(profile.journey)) == [("research", "web", "ar")]
    assert str(profile.journey) == client.session[JOURNEY]


# Seeing and taking it back ------------------------------------------------------------------


def test_the_data_page_lists_each_consent_with_a_button_to_take_it_back(client):
    create_service()
    referral = create_referral()
    enter(client, referral.code)
    page = client.get("/en/your-data/held/").content.decode()
    assert "A helper or a service may contact you." in page
    assert "EveryDoor may send your request for help to a service." in page
    assert 'action="/en/your-data/consents/contact/withdraw/"' in page
    assert 'action="/en/your-data/consents/referral/withdraw/"' in page


def test_taking_back_consent_is_recorded_with_its_date_and_shown(client):
    create_service()
    referral = create_referral()
    enter(client, referral.code)
    withdraw(client, "contact")
    consent = Consent.objects.get(holder=referral.code, purpose=Purpose.CONTACT)
    assert consent.withdrawn_at is not None
    assert consent in consents_for(referral.code)
    assert "and took it back on" in client.get("/en/your-data/held/").content.decode()


def test_research_consent_cannot_be_taken_back_through_a_code(client):
    create_service()
    enter(client, create_referral().code)
    assert withdraw(client, "research").status_code == 404


def test_withdrawing_contact_erases_every_phone_number_held_under_the_code(client):
    screening = finished_screening()
    escalation, callback = urgent_call(screening), call_back(screening)
    enter(client, screening.continue_code)
    assert withdraw(client, "contact")["Location"] == "/en/your-data/held/"
    escalation.refresh_from_db()
    callback.refresh_from_db()
    assert (escalation.contact_phone, escalation.contact_consent, callback.phone) == ("", False, "")
    assert "nobody from EveryDoor will contact you" in client.get("/en/your-data/held/").content.decode()


def test_withdrawing_contact_cancels_an_open_call_back_and_its_case():
    callback = call_back(finished_screening())
    withdraw_consent(callback.screening.continue_code, Purpose.CONTACT)
    callback.refresh_from_db()
    assert callback.status == callback.Status.CLOSED
    assert Case.objects.get(callback=callback).status == Case.Status.CLOSED


def test_withdrawing_contact_cancels_check_in_messages_still_to_come():
    callback = call_back(finished_screening())
    check_in = CheckIn.objects.create(contact=callback.contact, due_at=callback.created_at)
    change = withdraw_consent(callback.screening.continue_code, Purpose.CONTACT)
    check_in.refresh_from_db()
    assert (check_in.status, change.check_ins_cancelled) == (CheckIn.Status.CANCELLED, 1)


def test_withdrawing_contact_tells_the_helper_on_the_case_that_there_is_no_more_contact():
    enrolment = on_course()
    withdraw_consent(enrolment.continue_code, Purpose.CONTACT)
    enrolment.refresh_from_db()
    assert enrolment.contact_phone == ""
    note = Case.objects.get(enrolment=enrolment).notes.get()
    assert "withdrew their consent to be contacted" in note.text and "do not contact them" in note.text


def test_withdrawing_a_referral_not_yet_accepted_takes_it_out_of_the_service_inbox(client):
    service = create_service()
    referral = create_referral()
    staff = staff_user("service-staff")
    service.staff.add(staff)
    withdraw_consent(referral.code, Purpose.REFERRAL)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.WITHDRAWN
    verified_login(client, staff)
    assert referral.code not in client.get("/staff/referrals/").content.decode()
    assert client.get(f"/staff/referrals/{referral.pk}/").status_code == 404


def test_withdrawing_a_referral_takes_it_out_of_the_community_queue(client):
    create_service()
    referral = create_referral(postcode="M1 1AA")  # no service here: community workers take it
    withdraw_consent(referral.code, Purpose.REFERRAL)
    assert Case.objects.get(referral=referral).status == Case.Status.CLOSED
    verified_login(client, staff_user("helper", HELPERS))
    assert referral.code not in client.get("/staff/referrals/?queue=community").content.decode()


def test_withdrawing_a_referral_is_recorded_in_the_audit_log():
    create_service()
    referral = create_referral()
    withdraw_consent(referral.code, Purpose.REFERRAL)
    event = AuditEvent.objects.get(object_id=str(referral.pk), action="withdrawn by the person")
    assert (event.actor_name, event.why) == ("anonymous", CONSENT_WITHDRAWN)


def test_a_referral_already_accepted_says_to_contact_the_service_directly(client):
    create_service("Riverside Talking Therapies")
    referral = create_referral()
    accept_referral(referral, staff_user("service-staff"))
    enter(client, referral.code)
    withdraw(client, "referral")
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED
    page = client.get("/en/your-data/held/").content.decode()
    assert "Riverside Talking Therapies already has your request. To stop it, contact them directly." in page


def test_taking_back_research_use_on_the_about_you_page_marks_the_answers_not_for_research(client):
    client.post("/en/about-you/", {"age_band": "25-34", "research_use": "on"})
    page = client.get("/en/about-you/").content.decode()
    assert 'name="research_use"' not in page and 'action="/en/your-data/research/withdraw/"' in page
    response = client.post("/en/your-data/research/withdraw/")
    assert response["Location"] == "/en/about-you/?research=withdrawn"
    assert EquityProfile.objects.get().research_use is False
    assert Consent.objects.get(purpose=Purpose.RESEARCH).withdrawn_at is not None
    assert "no longer be used for research" in client.get(response["Location"]).content.decode()
