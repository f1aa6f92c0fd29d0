"""Questionnaires as data: FHIR R4 Questionnaire files, their rules, and translations.

Where a questionnaire's wording comes from, in order of preference:
1. a translation (or a licensed questionnaire) a service imported with
   `manage.py import_questionnaire`, stored in ImportedQuestionnaire;
2. for English, the published wording shipped in data/questionnaires/;
3. our own draft translation in data/translations/<language>.json, always `unvalidated`.
"""

import copy
import json
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fhir.resources.R4B.questionnaire import Questionnaire

DATA = Path(__file__).parent / "data"
ITEM_WEIGHT_URLS = {
    "http://hl7.org/fhir/StructureDefinition/itemWeight",
    "http://hl7.org/fhir/StructureDefinition/ordinalValue",
}
SOURCE_LANGUAGE = "en"
IMPORT_CHECK_SECONDS = 30
_loaded = {}  # (instrument id, language) -> (when loaded, Instrument)


class TranslationStatus:
    ORIGINAL = "original"  # the wording as its authors published it
    VALIDATED = "validated"  # a validated translation a service imported
    UNVALIDATED = "unvalidated"  # our own draft: scores are indicative only


@dataclass(frozen=True)
class AnswerOption:
    code: str
    display: str
    weight: int | None
    system: str | None = None


@dataclass(frozen=True)
class Question:
    link_id: str
    number: int
    text: str
    options: tuple
    required: bool

    def option(self, code):
        for option in self.options:
            if option.code == code:
                return option
        return None


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    about: str
    minutes: int
    stem: str
    intro: str
    questions: tuple
    scoring: str
    total_loinc: str | None
    risk_rules: tuple
    copyright: str
    description: str
    language: str
    translation_status: str
    document: dict  # the FHIR Questionnaire, in this language

    def question(self, number):
        return self.questions[number - 1]

    @property
    def scored_questions(self):
        return [question for question in self.questions if question.required]


class UnknownInstrument(LookupError):
    pass


def validate_questionnaire(document):
    """Raise pydantic's ValidationError unless `document` is a valid FHIR Questionnaire."""
    return Questionnaire.model_validate(document)


@cache
def shipped_catalogue():
    catalogue = json.loads((DATA / "instruments.json").read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in catalogue["instruments"]}


@cache
def shipped_document(instrument_id):
    entry = shipped_catalogue()[instrument_id]
    document = json.loads((DATA / entry["file"]).read_text(encoding="utf-8"))
    validate_questionnaire(document)
    return document


@cache
def draft_translation(language):
    path = DATA / "translations" / f"{language}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def instrument_ids():
    from .models import ImportedQuestionnaire

    imported = ImportedQuestionnaire.objects.values_list("instrument_id", flat=True).distinct()
    return list(shipped_catalogue()) + sorted(set(imported) - set(shipped_catalogue()))


def load_instrument(instrument_id, language):
    """The questionnaire in `language`, falling back to English, with its translation status.

    Kept in memory for IMPORT_CHECK_SECONDS: every answer needs its questionnaire, and
    imports are rare. The process that imports forgets at once (see models.py); other
    processes pick an import up within that time."""
    key = (instrument_id, language)
    loaded = _loaded.get(key)
    if loaded is None or time.monotonic() - loaded[0] > IMPORT_CHECK_SECONDS:
        loaded = (time.monotonic(), _load_instrument(instrument_id, language))
        _loaded[key] = loaded
    return loaded[1]


def forget_loaded_instruments():
    _loaded.clear()


def _load_instrument(instrument_id, language):
    from .models import ImportedQuestionnaire

    imported = ImportedQuestionnaire.objects.filter(instrument_id=instrument_id)
    in_language = imported.filter(language=language).first()
    if in_language:
        rules = shipped_catalogue().get(instrument_id) or in_language.rules
        return _build(in_language.document, rules, language, in_language.status)
    if instrument_id in shipped_catalogue():
        return _shipped_in(instrument_id, language)
    original = imported.filter(language=SOURCE_LANGUAGE).first() or imported.first()
    if original is None:
        raise UnknownInstrument(instrument_id)
    return _build(original.document, original.rules, original.language, original.status)


def _shipped_in(instrument_id, language):
    rules = shipped_catalogue()[instrument_id]
    document = shipped_document(instrument_id)
    translation = draft_translation(language) if language != SOURCE_LANGUAGE else None
    texts = (translation or {}).get("questionnaires", {}).get(instrument_id)
    if not texts:
        return _build(document, rules, SOURCE_LANGUAGE, TranslationStatus.ORIGINAL)
    translated_rules = {**rules, "about": texts.get("about", rules["about"])}
    return _build(translate_document(document, texts, language), translated_rules, language, translation["status"])


def translate_document(document, texts, language):
    """A copy of the FHIR Questionnaire with its wording replaced by `texts`."""
    translated = copy.deepcopy(document)
    translated["language"] = language
    for item in translated["item"]:
        if item["type"] == "display":
            item["text"] = texts.get(item["linkId"], item["text"])
            continue
        item["text"] = texts["items"].get(item["linkId"], item["text"])
        for option in item.get("answerOption", []):
            coding = option["valueCoding"]
            coding["display"] = texts["options"].get(coding["code"], coding["display"])
    return translated


def _build(document, rules, language, status):
    display = {item["linkId"]: item["text"] for item in document["item"] if item["type"] == "display"}
    questions = [item for item in document["item"] if item["type"] == "choice"]
    return Instrument(
        id=document["id"],
        title=document.get("title", document["id"]),
        about=rules.get("about", ""),
        minutes=rules.get("minutes", 0),
        stem=display.get("stem", ""),
        intro=display.get("intro", ""),
        questions=tuple(_question(item, number) for number, item in enumerate(questions, 1)),
        scoring=rules["scoring"],
        total_loinc=rules.get("total_loinc"),
        risk_rules=tuple(rules.get("risk_rules", [])),
        copyright=document.get("copyright", ""),
        description=document.get("description", ""),
        language=language,
        translation_status=status,
        document=document,
    )


def _question(item, number):
    options = tuple(
        AnswerOption(
            code=option["valueCoding"]["code"],
            display=option["valueCoding"]["display"],
            weight=_weight(option),
            system=option["valueCoding"].get("system"),
        )
        for option in item.get("answerOption", [])
    )
    return Question(
        link_id=item["linkId"], number=number, text=item["text"], options=options,
        required=item.get("required", False),
    )


def _weight(option):
    for extension in option.get("extension", []) + option["valueCoding"].get("extension", []):
        if extension["url"] in ITEM_WEIGHT_URLS:
            return int(extension["valueDecimal"])
    return None
