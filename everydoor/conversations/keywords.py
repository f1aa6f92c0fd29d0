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
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def normalised(text):
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = _MARKS.sub("", text).translate(_ALEF)
    return " ".join(_EDGES.sub("", text).split())


@cache
def _words():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))["languages"]
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
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))["languages"]
    return data.get(language_code, {})
