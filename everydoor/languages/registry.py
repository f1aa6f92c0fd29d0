"""The languages EveryDoor speaks, read from data/languages.json.

Importable from settings.py: it touches no Django machinery at import time.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "languages.json"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    name_local: str
    script: str
    bidi: bool
    plural_forms: str
    espeak: str | None

    @property
    def direction(self):
        return "rtl" if self.bidi else "ltr"


@cache
def all_languages():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(Language(**entry) for entry in data["languages"])


def get_language(code):
    for language in all_languages():
        if language.code == code:
            return language
    raise KeyError(code)


def django_languages():
    """The LANGUAGES setting: (code, English name) pairs."""
    return [(language.code, language.name) for language in all_languages()]


def bidi_codes():
    return [language.code for language in all_languages() if language.bidi]


def install_language_info():
    """Teach Django the languages it does not know (Dari, Pashto, Tigrinya, Amharic, Somali).

    Django's get_language_info() and {% get_language_info %} read LANG_INFO; without an
    entry they raise KeyError for these codes.
    """
    from django.conf.locale import LANG_INFO

    for language in all_languages():
        LANG_INFO.setdefault(
            language.code,
            {
                "bidi": language.bidi,
                "code": language.code,
                "name": language.name,
                "name_local": language.name_local,
            },
        )
