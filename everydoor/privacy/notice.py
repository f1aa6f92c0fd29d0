"""What the privacy notice says that only the deploying service can say: who is responsible
for the data, who can see it, whether anything goes to other authorities, how to complain.

These facts live in one file, settings.PRIVACY_FACTS_FILE (the demo copy is
data/privacy_facts.json, which explains the format). They are shown exactly as the service
wrote them, never machine-translated: a fact is one text for every language, or texts by
language code; where a language has no text, the English one is shown and marked as
English. (Grouped numbers, like a phone number, are wrapped in invisible isolation marks
so that they keep their written order inside right-to-left text.) A file with a fact
missing or malformed is reported by `manage.py check` (privacy/checks.py), so a
deployment finds out before a person does.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import ngettext

from everydoor.languages.registry import all_languages, get_language

from .retention import retention_rules

SOURCE_LANGUAGE = "en"
REQUIRED_FACTS = ("data_controller", "data_controller_contact", "data_protection_officer", "complaints")
REQUIRED_LISTS = ("who_can_see", "shared_with_authorities")


class BrokenFacts(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class FactText:
    text: str
    language: str  # the language `text` is written in, for lang="…" where it differs from the page's

    @property
    def direction(self):
        return get_language(self.language).direction


@dataclass(frozen=True)
class PrivacyFacts:
    demo: FactText | None
    data_controller: FactText
    data_controller_contact: FactText
    data_protection_officer: FactText
    who_can_see: list
    shared_with_authorities: list
    complaints: FactText


@dataclass(frozen=True)
class RetentionInWords:
    what: str
    period: str
    counted_from: str


def privacy_facts(language):
    """The service's facts, each in `language` where the service wrote it so, else in English."""
    data = _read()
    problems = _problems_in(data)
    if problems:
        raise BrokenFacts(f"{settings.PRIVACY_FACTS_FILE}: " + "; ".join(problems))
    return PrivacyFacts(
        demo=_in_language(data["demo"], language) if data.get("demo") else None,
        **{key: _in_language(data[key], language) for key in REQUIRED_FACTS},
        **{key: [_in_language(fact, language) for fact in data[key]] for key in REQUIRED_LISTS},
    )


def facts_problems():
    """What is wrong with the facts file, in words a deployer can act on; [] when nothing."""
    try:
        data = _read()
    except BrokenFacts as error:
        return [str(error)]
    return _problems_in(data)


def retention_in_words():
    """How long each kind of data is kept, as the notice says it (periods in force)."""
    return [RetentionInWords(rule.what, period_in_words(rule.keep_for), rule.counted_from)
            for rule in retention_rules()]


def period_in_words(keep_for):
    days = keep_for.days
    if days and days % 365 == 0:
        return ngettext("%(count)d year", "%(count)d years", days // 365) % {"count": days // 365}
    if days >= 60 and days % 30 == 0:
        return ngettext("%(count)d month", "%(count)d months", days // 30) % {"count": days // 30}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def _read():
    # Read on every use: the file is small, and a service's edit shows without a restart.
    try:
        return json.loads(settings.PRIVACY_FACTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BrokenFacts(f"cannot read the privacy facts file {settings.PRIVACY_FACTS_FILE}: {error}") from error


def _in_language(fact, language):
    if isinstance(fact, str):
        return FactText(fact, SOURCE_LANGUAGE)
    if language in fact:
        return FactText(fact[language], language)
    return FactText(fact[SOURCE_LANGUAGE], SOURCE_LANGUAGE)


def _problems_in(data):
    if not isinstance(data, dict):
        return ["the file must hold one JSON object"]
    problems = []
    for key in REQUIRED_FACTS:
        problems += _fact_problems(key, data[key]) if key in data else [f"'{key}' is missing"]
    for key in REQUIRED_LISTS:
        if not isinstance(data.get(key), list) or not data[key]:
            problems.append(f"'{key}' must be a list of one fact or more")
            continue
        for number, fact in enumerate(data[key], start=1):
            problems += _fact_problems(f"{key}, fact {number}", fact)
    if data.get("demo"):
        problems += _fact_problems("demo", data["demo"])
    return problems


def _fact_problems(name, fact):
    if isinstance(fact, str):
        return [] if fact.strip() else [f"'{name}' is empty"]
    if not isinstance(fact, dict) or not all(isinstance(text, str) and text.strip() for text in fact.values()):
        return [f"'{name}' must be a text, or texts by language code"]
    if SOURCE_LANGUAGE not in fact:
        return [f"'{name}' has no English text ('en'), which is shown where a language has none"]
    unknown = sorted(set(fact) - {language.code for language in all_languages()})
    return [f"'{name}' has a text for '{code}', which is not one of EveryDoor's languages" for code in unknown]
