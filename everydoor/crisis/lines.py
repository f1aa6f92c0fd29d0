"""Urgent help lines, read from data/crisis_lines.json (the one place they live)."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "crisis_lines.json"
SOURCE_LANGUAGE = "en"
TEXT_FIELDS = ("name", "when", "hours", "cost")


@dataclass(frozen=True)
class CrisisLine:
    id: str
    number: str
    tel: str | None
    sms: str | None
    sms_body: str | None
    menu_option: str | None
    source: str
    checked: str
    checked_against: str
    text: dict
    text_language: str
    text_status: str

    @property
    def sms_link(self):
        if not self.sms:
            return None
        return f"sms:{self.sms}?body={self.sms_body}" if self.sms_body else f"sms:{self.sms}"


@cache
def _load():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def crisis_lines(language_code):
    """Every line, worded in `language_code` where a translation exists, else in English.

    Each line says which language its text is in, so a page can mark English fallback
    text with lang="en" and screen readers pronounce it properly.
    """
    return [_line_in(entry, language_code) for entry in _load()["lines"]]


def _line_in(entry, language_code):
    texts = entry["text"]
    text_language = language_code if language_code in texts else SOURCE_LANGUAGE
    text = texts[text_language]
    facts = {key: value for key, value in entry.items() if key != "text"}
    return CrisisLine(
        **facts, text=text, text_language=text_language, text_status=text["status"]
    )

