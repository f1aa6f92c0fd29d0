import pytest

from everydoor.languages.registry import all_languages
from everydoor.screening.instruments import (
    TranslationStatus,
    load_instrument,
    shipped_catalogue,
    shipped_document,
    validate_questionnaire,
)
from everydoor.screening.risk import fired_risk_rules
from everydoor.screening.scoring import SCORING_RULES

pytestmark = pytest.mark.django_db

SHIPPED = list(shipped_catalogue())
LANGUAGES = [language.code for language in all_languages()]


@pytest.mark.parametrize("instrument_id", SHIPPED)
def test_every_shipped_questionnaire_is_a_valid_fhir_r4_questionnaire(instrument_id):
    assert validate_questionnaire(shipped_document(instrument_id)).id == instrument_id


@pytest.mark.parametrize("instrument_id", SHIPPED)
def test_every_shipped_questionnaire_records_its_source_and_licence(instrument_id):
    document = shipped_document(instrument_id)
    assert document["publisher"]
    assert document["copyright"]
    assert document["description"]


@pytest.mark.parametrize("instrument_id", SHIPPED)
def test_every_shipped_questionnaire_names_a_scoring_rule_that_exists(instrument_id):
    assert shipped_catalogue()[instrument_id]["scoring"] in SCORING_RULES


@pytest.mark.parametrize(
    ("instrument_id", "questions", "weights"),
    [("phq-9", 9, [0, 1, 2, 3]), ("gad-7", 7, [0, 1, 2, 3]), ("phq-4", 4, [0, 1, 2, 3]),
     ("pcl-5", 20, [0, 1, 2, 3, 4]), ("who-5", 5, [5, 4, 3, 2, 1, 0])],
)
def test_answer_weights_are_as_published(instrument_id, questions, weights):
    instrument = load_instrument(instrument_id, "en")
    assert len(instrument.scored_questions) == questions
    for question in instrument.scored_questions:
        assert [option.weight for option in question.options] == weights


def test_phq9_keeps_the_published_wording_of_item_9():
    item_9 = load_instrument("phq-9", "en").question(9)
    assert item_9.text == "Thoughts that you would be better off dead or of hurting yourself in some way"


def test_phq9_panel_and_items_carry_their_loinc_codes():
    document = shipped_document("phq-9")
    assert document["code"][0]["code"] == "44249-1"
    assert [item["code"][0]["code"] for item in document["item"] if item["type"] == "choice"][:9] == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8",
    ]


def test_english_is_the_original_wording():
    assert load_instrument("gad-7", "en").translation_status == TranslationStatus.ORIGINAL


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
@pytest.mark.parametrize("instrument_id", SHIPPED)
def test_every_questionnaire_has_a_draft_translation_marked_unvalidated(instrument_id, language):
    english = load_instrument(instrument_id, "en")
    translated = load_instrument(instrument_id, language)
    assert translated.language == language
    assert translated.translation_status == TranslationStatus.UNVALIDATED
    for original, question in zip(english.questions, translated.questions, strict=True):
        assert question.text and question.text != original.text
        assert [option.weight for option in question.options] == [option.weight for option in original.options]
    validate_questionnaire(translated.document)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("instrument_id", SHIPPED)
def test_risk_rules_fire_in_every_language(instrument_id, language):
    instrument = load_instrument(instrument_id, language)
    for rule in instrument.risk_rules:
        [question] = [q for q in instrument.questions if q.link_id == rule["item"]]
        lowest, highest = question.options[0].weight, question.options[-1].weight
        assert fired_risk_rules(instrument, {rule["item"]: highest}) == [rule]
        assert fired_risk_rules(instrument, {rule["item"]: lowest}) == []


def test_phq9_item_9_above_zero_is_a_risk_in_every_language():
    for language in LANGUAGES:
        instrument = load_instrument("phq-9", language)
        assert fired_risk_rules(instrument, {"phq-9-9": 1})
        assert not fired_risk_rules(instrument, {"phq-9-9": 0})
