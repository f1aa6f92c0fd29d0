"""How many SMS segments a message costs. Each segment is charged.

A message that fits the GSM 03.38 7-bit alphabet takes 160 characters in one segment, or
153 per segment when split (7 go to the joining header); characters from its extension
table take two. Anything else (Arabic, Farsi, Amharic, Chinese, most accents, emoji) is sent
as UCS-2: 70 UTF-16 units in one segment, 67 per segment when split.
"""

import math
from dataclasses import dataclass

GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = set("^{}\\[~]|€\f")
GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67
# The most segments one message of a journey may take: three keeps a question with its
# answers readable on an old phone and its cost known.
SEGMENT_BUDGET = 3


@dataclass(frozen=True)
class SegmentCount:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int
    segments: int


def count_segments(text):
    if all(character in GSM_BASIC or character in GSM_EXTENSION for character in text):
        units = sum(2 if character in GSM_EXTENSION else 1 for character in text)
        return SegmentCount("GSM-7", units, _parts(units, GSM_SINGLE, GSM_PART))
    units = len(text.encode("utf-16-le")) // 2
    return SegmentCount("UCS-2", units, _parts(units, UCS2_SINGLE, UCS2_PART))


def _parts(units, single, part):
    return 1 if units <= single else math.ceil(units / part)


def within_budget(text, budget=SEGMENT_BUDGET):
    """The text as one message, or split between lines into as few messages as keep each
    within `budget` segments (a line longer than that is sent whole, on its own)."""
    if count_segments(text).segments <= budget:
        return [text]
    messages, current = [], ""
    for line in text.split("\n"):
        joined = f"{current}\n{line}" if current else line
        if current and count_segments(joined).segments > budget:
            messages.append(current)
            current = line
        else:
            current = joined
    return messages + [current] if current else messages
