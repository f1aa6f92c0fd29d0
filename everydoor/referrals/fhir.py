"""A referral as a FHIR R4 Bundle: ServiceRequest, Patient (language and interpreter need,
in UK Core's NHSCommunication extension) and the person's questionnaire answers."""

from datetime import date

from fhir.resources.R4B.bundle import Bundle

from everydoor.screening.fhir import questionnaire_response, score_observation
from everydoor.screening.instruments import load_instrument

from .models import Referral

# UK Core (REFERENCE.md §2): Patient's NHSCommunication extension carries interpreterRequired.
NHS_COMMUNICATION = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication"
BCP47 = "urn:ietf:bcp:47"
EVERYDOOR = "https://everydoor.example/fhir"


def referral_bundle(referral):
    """The whole referral, validated by fhir.resources before it is returned."""
    patient_ref = f"urn:uuid:{referral.pk}-patient"
    entries = [(patient_ref, patient(referral)), (f"urn:uuid:{referral.pk}", service_request(referral, patient_ref))]
    for screening in referral.screenings.all():
        instrument = load_instrument(screening.instrument_id, screening.language)
        entries.append((f"urn:uuid:{screening.pk}", questionnaire_response(screening, instrument)))
        if screening.result:
            entries.append((f"urn:uuid:{screening.pk}-total", score_observation(screening, instrument)))
    resource = {
        "resourceType": "Bundle",
        "id": str(referral.pk),
        "type": "collection",
        "timestamp": referral.submitted_at.isoformat(),
        "entry": [{"fullUrl": url, "resource": entry} for url, entry in entries],
    }
    return Bundle.model_validate(resource).model_dump(mode="json", exclude_none=True)


def spoken_language(referral):
    if referral.preferred_language == "other":
        return {"text": referral.other_language}
    coding = {"system": BCP47, "code": referral.preferred_language}
    return {"coding": [coding], "text": " ".join(filter(None, [referral.preferred_language, referral.dialect]))}


def patient(referral):
    telecom = []
    if referral.phone:
        telecom.append({"system": "phone", "value": referral.phone, "use": "mobile"})
    if referral.email:
        telecom.append({"system": "email", "value": referral.email})
    resource = {
        "resourceType": "Patient",
        "name": [{"text": referral.name}],
        "birthDate": date.fromisoformat(referral.date_of_birth).isoformat(),
        "telecom": telecom,
        "communication": [{"language": spoken_language(referral), "preferred": True}],
        "extension": [{
            "url": NHS_COMMUNICATION,
            "extension": [
                {"url": "language", "valueCodeableConcept": spoken_language(referral)},
                {"url": "preferred", "valueBoolean": True},
                {"url": "interpreterRequired", "valueBoolean": bool(referral.interpreter_needed)},
            ],
        }],
    }
    if referral.postcode:
        resource["address"] = [{"postalCode": referral.postcode, "country": "GB"}]
    if referral.gp_practice:
        resource["generalPractitioner"] = [{"display": referral.gp_practice}]
    return resource


def service_request(referral, patient_ref):
    performer = referral.service.name if referral.service else "EveryDoor community workers"
    return {
        "resourceType": "ServiceRequest",
        "identifier": [{"system": f"{EVERYDOOR}/referral-code", "value": referral.code}],
        "status": "active" if referral.status != Referral.Status.DECLINED else "revoked",
        "intent": "order",
        "code": {"text": "Self-referral to NHS Talking Therapies"},
        "subject": {"reference": patient_ref},
        "requester": {"reference": patient_ref},
        "performer": [{"display": performer}],
        "authoredOn": referral.submitted_at.isoformat(),
        "supportingInfo": [{"reference": f"urn:uuid:{screening.pk}"} for screening in referral.screenings.all()],
        "note": [{"text": line} for line in contact_rules(referral)],
    }


def contact_rules(referral):
    """The safe-contact and language needs, in plain English for the service's staff."""
    labels = dict(Referral.Gender.choices)
    times = ", ".join(referral.safe_times) or "any time"
    rules = [
        f"Contact first by: {Referral.ContactBy(referral.contact_by).label if referral.contact_by else 'not said'}.",
        f"Voicemail: {'may leave a message' if referral.may_leave_voicemail else 'do NOT leave a message'}.",
        f"Text messages: {'allowed' if referral.may_text else 'do NOT send texts'}.",
        f"Safe times to contact: {times}.",
        f"Interpreter needed: {'yes' if referral.interpreter_needed else 'no'}"
        f" (interpreter: {labels[referral.interpreter_gender].lower()}).",
        f"Preferred clinician: {labels[referral.clinician_gender].lower()}.",
    ]
    if referral.do_not_speak_to:
        rules.append(f"Do NOT speak to: {referral.do_not_speak_to}.")
    return rules
