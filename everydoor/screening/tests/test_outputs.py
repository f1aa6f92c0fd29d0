import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from everydoor.screening.answering import record_answer, start_screening
from everydoor.screening.export import screenings_csv
from everydoor.screening.fhir import questionnaire_response, score_observation
from everydoor.screening.instruments import load_instrument
from everydoor.screening.models import ImportedQuestionnaire

pytestmark = pytest.mark.django_db


def completed(instrument_id, language, option_index=1):
    instrument = load_instrument(instrument_id, language)
    screening = start_screening(instrument)
    for question in instrument.scored_questions:
        record_answer(screening, instrument, question, question.options[option_index].code)
    screening.refresh_from_db()
    return screening, instrument


def test_the_questionnaire_response_validates_and_echoes_every_link_id():
    screening, instrument = completed("phq-9", "en")
    response = QuestionnaireResponse.model_validate(questionnaire_response(screening, instrument))
    assert [item.linkId for item in response.item] == [f"phq-9-{n}" for n in range(1, 10)]
    assert response.status == "completed"


def test_the_total_score_observation_carries_its_loinc_code_and_value():
    screening, instrument = completed("phq-9", "en")
    observation = Observation.model_validate(score_observation(screening, instrument))
    assert observation.code.coding[0].code == "44261-6"
    assert observation.valueInteger == 9


def test_outputs_carry_the_translation_status_of_the_wording_shown():
    screening, instrument = completed("gad-7", "ti")
    for resource in (questionnaire_response(screening, instrument), score_observation(screening, instrument)):
        assert resource["meta"]["tag"][0]["code"] == "unvalidated"


def test_the_csv_keeps_non_latin_text_intact_and_opens_in_spreadsheets():
    completed("phq-4", "ar")
    completed("phq-4", "am")
    exported = screenings_csv()
    assert exported.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    assert [row["language"] for row in rows] == ["ar", "am"]
    assert all(row["translation_status"] == "unvalidated" for row in rows)
    arabic_option = load_instrument("phq-4", "ar").question(1).options[1].display
    assert arabic_option in rows[0]["answers"]


def test_the_fhir_export_command_writes_a_bundle(capsys):
    completed("who-5", "en")
    call_command("export_screenings", format="fhir")
    bundle = json.loads(capsys.readouterr().out)
    assert [entry["resource"]["resourceType"] for entry in bundle["entry"]] == ["QuestionnaireResponse", "Observation"]


def _rhs15_like_questionnaire(tmp_path):
    """A questionnaire shaped like RHS-15, with placeholder wording (its text is licensed)."""
    weight = "http://hl7.org/fhir/StructureDefinition/itemWeight"

    def options(top):
        return [
            {
                "extension": [{"url": weight, "valueDecimal": n}],
                "valueCoding": {"system": "urn:example:rhs", "code": str(n), "display": str(n)},
            }
            for n in range(top + 1)
        ]

    items = [{"linkId": "stem", "type": "display", "text": "Placeholder stem"}]
    items += [
        {
            "linkId": f"rhs-{n}",
            "type": "choice",
            "required": True,
            "text": f"Placeholder item {n}",
            "answerOption": options(4),
        }
        for n in range(1, 15)
    ]
    items.append(
        {
            "linkId": "rhs-15",
            "type": "choice",
            "required": True,
            "text": "Placeholder thermometer",
            "answerOption": options(10),
        }
    )
    document = {"resourceType": "Questionnaire", "id": "rhs-15", "status": "active", "title": "RHS-15", "item": items}
    path = tmp_path / "rhs-15.json"
    path.write_text(json.dumps(document))
    return path


def test_a_licensed_questionnaire_can_be_imported_with_its_published_scoring_rule(tmp_path):
    path = _rhs15_like_questionnaire(tmp_path)
    call_command("import_questionnaire", str(path), language="en", status="original", scoring="rhs15")
    instrument = load_instrument("rhs-15", "en")
    screening = start_screening(instrument)
    for question in instrument.scored_questions:
        weight = 0 if question.number < 15 else 5
        record_answer(screening, instrument, question, str(weight))
    screening.refresh_from_db()
    assert screening.result["band"] == "positive"  # thermometer at 5


def test_importing_a_questionnaire_we_do_not_ship_needs_its_scoring_rule(tmp_path):
    with pytest.raises(CommandError, match="scoring rule"):
        call_command("import_questionnaire", str(_rhs15_like_questionnaire(tmp_path)), language="en")


def test_an_invalid_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"resourceType": "Questionnaire", "item": "not a list of items"}')
    with pytest.raises(CommandError, match="not a valid FHIR Questionnaire"):
        call_command("import_questionnaire", str(path), language="ar")


def test_an_imported_validated_translation_replaces_the_draft_and_is_marked_validated(tmp_path):
    document = load_instrument("phq-9", "ar").document
    path = tmp_path / "phq-9.ar.json"
    path.write_text(json.dumps(document, ensure_ascii=False))
    call_command("import_questionnaire", str(path), language="ar", status="validated")
    assert ImportedQuestionnaire.objects.get().status == "validated"
    instrument = load_instrument("phq-9", "ar")
    assert instrument.translation_status == "validated"
    assert instrument.risk_rules  # the shipped risk rules still apply


def test_an_import_made_by_another_process_is_picked_up_within_the_check_interval(monkeypatch):
    from everydoor.screening import instruments

    assert load_instrument("phq-9", "ar").translation_status == "unvalidated"
    document = load_instrument("phq-9", "ar").document
    # bulk_create sends no post_save signal: as if another process had imported it.
    ImportedQuestionnaire.objects.bulk_create(
        [ImportedQuestionnaire(instrument_id="phq-9", language="ar", status="validated", document=document)]
    )
    assert load_instrument("phq-9", "ar").translation_status == "unvalidated"
    later = instruments.time.monotonic() + instruments.IMPORT_CHECK_SECONDS + 1
    monkeypatch.setattr(instruments.time, "monotonic", lambda: later)
    assert load_instrument("phq-9", "ar").translation_status == "validated"
