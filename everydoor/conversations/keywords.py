"""Stop, start, help and crisis words in every language (data/keywords.json).

They are recognised whatever language the person chose, since people switch languages and
a helper may have given them a leaflet in another one.
"""

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "keywords.json"
STOP, START, HELP, CRISIS = "stop", "start", "help", "crisis"
# Arabic-script marks people type or leave out at will: short vowels, tatweel.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Letters that Arabic and Persian keyboards write differently: alef forms; yeh and kaf.
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ی", "ي": "ی", "ك": "ک"})


def normalised(text):
    """Lower case, Latin-script accents dropped (people often type without them; Turkish
    İ lowercases with a dot of its own), Arabic-script variants made one, and punctuation
    trimmed from the ends. Marks on other scripts (Bengali vowel signs) are letters' parts
    and stay."""
    text = unicodedata.normalize("NFKD", str(text).casefold())
    kept = []
    for character in text:
        if unicodedata.combining(character) and kept and ord(kept[-1]) < 0x250:
            continue
        kept.append(character)
    text = _MARKS.sub("", unicodedata.normalize("NFKC", "".join(kept))).translate(_LETTERS)
    return " ".join(_trimmed(text).split())


def _trimmed(text):
    def edge(character):
        return unicodedata.category(character)[0] in "PSZC"

    start, end = 0, len(text)
    while start < end and edge(text[start]):
        start += 1
    while end > start and edge(text[end - 1]):
        end -= 1
    return text[start:end]


@cache
def _languages():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["languages"]


@cache
def _words():
    data = _languages()
    found = {STOP: set(), START: set(), HELP: set(), CRISIS: set()}
    for words in data.values():
        for kind in found:
            found[kind].update(normalised(word) for word in words.get(kind, []))
    return found


def keyword_of(text):
    """STOP, START or HELP when the message is that word alone; CRISIS when a crisis word
    appears anywhere in it; else None."""
    message = normalised(text)
    words = _words()
    for kind in (STOP, START, HELP):
        if message in words[kind]:
            return kind
    padded = f" {message} "
    if any(f" {word} " in padded or (not word.isascii() and word in message) for word in words[CRISIS]):
        return CRISIS
    return None


def words_in(language_code):
    """The words for one language, as written in the data file (for printed help)."""
    return _languages().get(language_code, {})
