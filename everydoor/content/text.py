"""A content page as plain text: for read-aloud audio, for search, and for noticing change."""

import hashlib
import json
import re
import unicodedata

from django.utils.html import strip_tags

from everydoor.crisis.lines import crisis_lines

# Arabic-script diacritics and the tatweel: people rarely type them, so search ignores them.
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Arabic and Persian letters that look alike and are typed either way on phones.
LETTER_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"})


def plain_text_of(page):
    """Title, summary and every block as sentences, in reading order."""
    parts = [page.title, page.summary]
    for block in page.body:
        parts.extend(_block_text(block.block_type, block.value, page.locale.language_code))
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _block_text(block_type, value, language_code):
    if block_type in ("heading",):
        return [value]
    if block_type == "paragraph":
        return [strip_tags(value.source)]
    if block_type in ("steps", "points"):
        return list(value)
    if block_type == "fact":
        return [strip_tags(value["text"].source)]
    if block_type == "exercise":
        return [value["title"], *value["steps"], value["note"]]
    if block_type == "illustration":
        return [value["description"]]
    if block_type == "crisis_lines":
        return [f"{line.text['name']}. {line.text['when']}" for line in crisis_lines(language_code)]
    return []


def searchable(text):
    """Fold case, width and look-alike letters so that a query matches however it was typed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = ARABIC_MARKS.sub("", text).translate(LETTER_VARIANTS)
    return re.sub(r"\s+", " ", text)


def content_digest(page):
    """A fingerprint of what a reader sees (title, summary, blocks), ignoring block ids,
    so a translation can tell whether its English source has changed since."""
    body = getattr(page, "body", None)
    # get_prep_value, not raw_data: a page built in memory (a translation not yet saved)
    # holds its new text in block values that raw_data does not reflect.
    blocks = [{"type": block["type"], "value": block["value"]} for block in body.get_prep_value()] if body else []
    texts = [page.title, getattr(page, "summary", ""), getattr(page, "intro", "")]
    content = json.dumps([texts, blocks], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()
