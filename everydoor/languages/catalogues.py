"""Interface-string catalogues (.po files): how complete they are, how much is reviewed,
and whether any translation breaks a placeholder.

Review status lives in each entry's translator comment, which makemessages keeps:
    # review: draft
    # review: approved by <reviewer> on <YYYY-MM-DD>
An entry with no review line counts as a draft.
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation import to_locale

from .registry import all_languages

SOURCE_LANGUAGE = "en"
REVIEW_PREFIX = "review:"

# %(name)s and %s (python-format), {name} (brace format), and HTML tags such as <a href=…>.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|</?[a-zA-Z][^>]*>")


@dataclass(frozen=True)
class CatalogueStatus:
    code: str
    total: int
    translated: int
    reviewed: int

    @property
    def translated_share(self):
        return self.translated / self.total if self.total else 1.0

    @property
    def reviewed_share(self):
        return self.reviewed / self.total if self.total else 1.0


def po_path(code):
    return Path(settings.LOCALE_PATHS[0]) / to_locale(code) / "LC_MESSAGES" / "django.po"


def translated_languages():
    return [language for language in all_languages() if language.code != SOURCE_LANGUAGE]


def load_catalogue(code):
    return polib.pofile(str(po_path(code)), wrapwidth=0)


def is_reviewed(entry):
    for line in entry.tcomment.splitlines():
        if line.strip().startswith(REVIEW_PREFIX):
            return line.split(":", 1)[1].strip().startswith("approved")
    return False


def catalogue_status(code):
    if code == SOURCE_LANGUAGE:
        total = len(_live_entries(load_catalogue(translated_languages()[0].code)))
        return CatalogueStatus(code, total, total, total)
    entries = _live_entries(load_catalogue(code))
    translated = [entry for entry in entries if entry.translated()]
    return CatalogueStatus(
        code,
        total=len(entries),
        translated=len(translated),
        reviewed=sum(1 for entry in translated if is_reviewed(entry)),
    )


@cache
def is_fully_reviewed(code):
    """Cached for the life of the process: catalogues change only with a deployment."""
    if code == SOURCE_LANGUAGE or not po_path(code).exists():
        return True
    status = catalogue_status(code)
    return status.reviewed == status.total


def placeholder_problems(code):
    """Entries whose translation does not carry exactly the placeholders of the original."""
    problems = []
    for entry in _live_entries(load_catalogue(code)):
        for original, translation in _pairs(entry):
            if translation and _placeholders(original) != _placeholders(translation):
                problems.append((entry.msgid, translation))
    return problems


def tidy_catalogue(code):
    """After makemessages: throw away msgmerge's fuzzy guesses (a guess is not a translation)
    and mark every translated entry that has no review line as a draft. Returns what changed."""
    catalogue = load_catalogue(code)
    cleared = marked = 0
    for entry in _live_entries(catalogue):
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            entry.msgstr = ""
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
            cleared += 1
        elif entry.translated() and not _has_review_line(entry):
            entry.tcomment = "\n".join(filter(None, [entry.tcomment, f"{REVIEW_PREFIX} draft"]))
            marked += 1
    catalogue.save()
    return cleared, marked


def _has_review_line(entry):
    return any(line.strip().startswith(REVIEW_PREFIX) for line in entry.tcomment.splitlines())


def _pairs(entry):
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(entry.msgstr_plural.items())
    ]


def _placeholders(text):
    return Counter(PLACEHOLDER.findall(text))


def _live_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]
