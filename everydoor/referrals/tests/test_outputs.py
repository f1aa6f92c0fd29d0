"""What the service receives: a FHIR R4 bundle that validates, and an English letter that
keeps the person's own-language answers."""

import pytest
from fhir.resources.R4B.bundle import Bundle

from everydoor.referrals.fhir import NHS_COMMUNICATION, referral_bundle
from everydoor.referrals.letter import referral_letter_pdf
from everydoor.screening.answering import submit_all_answers
from everydoor.screening.instruments import load_instrument
from everydoor.screening.tests.test_paper import letters_found, pdf_text

from .helpers import create_referral, create_service

pytestmark = pytest.mark.django_db


def arabic_phq9():
    instrument = load_instrument("phq-9", "ar")
    answers = {question.link_id: question.options[1].code for question in instrument.scored_questions}
    return submit_all_answers(instrument, answers, submission_key="8a8f5c1e-6d0e-4a57-9d61-0d3d1a2b3c4d")


def resources(bundle, kind):
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def test_the_bundle_validates_and_holds_each_part():
    create_service()
    bundle = referral_bundle(create_referral(screenings=[arabic_phq9()]))
    Bundle.model_validate(bundle)
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds == ["Patient", "ServiceRequest", "QuestionnaireResponse", "Observation"]


def test_the_patient_carries_language_and_interpreter_need():
    create_service()
    patient = resources(referral_bundle(create_referral(interpreter_needed=True, dialect="Syrian")), "Patient")[0]
    assert patient["communication"][0]["language"]["coding"][0]["code"] == "ar"
    extension = patient["extension"][0]
    assert extension["url"] == NHS_COMMUNICATION
    assert {"url": "interpreterRequired", "valueBoolean": True} in extension["extension"]
    assert patient["birthDate"] == "1990-03-31"


def test_the_service_request_carries_the_safe_contact_rules():
    create_service()
    request = resources(referral_bundle(create_referral(do_not_speak_to="My husband")), "ServiceRequest")[0]
    notes = [note["text"] for note in request["note"]]
    assert "Voicemail: do NOT leave a message." in notes
    assert "Do NOT speak to: My husband." in notes
    assert request["subject"]["reference"].startswith("urn:uuid:")
    assert request["performer"][0]["display"] == "Riverside Talking Therapies"


def test_the_answers_are_linked_from_the_service_request():
    create_service()
    screening = arabic_phq9()
    bundle = referral_bundle(create_referral(screenings=[screening]))
    request = resources(bundle, "ServiceRequest")[0]
    assert request["supportingInfo"] == [{"reference": f"urn:uuid:{screening.pk}"}]
    assert resources(bundle, "QuestionnaireResponse")[0]["language"] == "ar"


def test_another_language_is_sent_as_text():
    create_service()
    patient = resources(referral_bundle(create_referral(preferred_language="other", other_language="Oromo")),
                        "Patient")[0]
    assert patient["communication"][0]["language"] == {"text": "Oromo"}


def test_the_letter_is_english_with_the_original_arabic_answers(tmp_path):
    create_service()
    referral = create_referral(screenings=[arabic_phq9()], do_not_speak_to="My husband")
    text = pdf_text(referral_letter_pdf(referral), tmp_path)
    assert "Self-referral to Riverside Talking Therapies" in text
    assert "Do NOT speak to: My husband." in text
    assert "Little interest or pleasure in doing things" in text
    assert "unvalidated" in text
    arabic = load_instrument("phq-9", "ar")
    for question in arabic.scored_questions:
        assert letters_found(question.text, text) >= 0.9, question.text
