"""FHIR R4 output: a QuestionnaireResponse for the answers and an Observation for the
total score, each carrying the translation status of the wording the person saw."""

from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

LOINC = "http://loinc.org"
TRANSLATION_STATUS_SYSTEM = "https://everydoor.example/fhir/CodeSystem/translation-status"


def _translation_tag(screening):
    return {"tag": [{"system": TRANSLATION_STATUS_SYSTEM, "code": screening.translation_status}]}


def questionnaire_response(screening, instrument):
    """The person's answers, validated by fhir.resources before it is returned."""
    items = []
    for question in instrument.questions:
        code = screening.answers.get(question.link_id)
        if code is None:
            continue
        option = question.option(code)
        items.append(
            {
                "linkId": question.link_id,
                "text": question.text,
                "answer": [{"valueCoding": {"system": option.system, "code": code, "display": option.display}}],
            }
        )
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": str(screening.id),
        "meta": _translation_tag(screening),
        "language": screening.language,
        "questionnaire": instrument.document.get("url"),
        "status": "completed" if screening.result else "in-progress",
        "authored": (screening.completed_at or screening.updated_at).isoformat(),
        "item": items,
    }
    return QuestionnaireResponse.model_validate(resource).model_dump(mode="json", exclude_none=True)


def score_observation(screening, instrument):
    """The total score as an Observation (LOINC-coded where the total has a LOINC code)."""
    result = screening.result
    coding = [{"system": LOINC, "code": instrument.total_loinc}] if instrument.total_loinc else []
    resource = {
        "resourceType": "Observation",
        "id": f"{screening.id}-total",
        "meta": _translation_tag(screening),
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                    }
                ]
            }
        ],
        "code": {"coding": coding, "text": f"{instrument.title} total score"},
        "effectiveDateTime": screening.completed_at.isoformat(),
        "valueInteger": result["total"],
        "interpretation": [{"text": result["band"]}],
        "derivedFrom": [{"reference": f"QuestionnaireResponse/{screening.id}"}],
        "note": [
            {"text": f"Wording shown in '{screening.language}', translation status: {screening.translation_status}."}
        ],
    }
    return Observation.model_validate(resource).model_dump(mode="json", exclude_none=True)
