"""Per language: how much content is translated and reviewed, and how much can be heard."""

from dataclasses import dataclass

from wagtail.models import Locale

from everydoor.readaloud.audio import ready_recording

from .models import GuidePage, LessonPage, SelfHelpSessionPage, TrainingModulePage
from .reviews import translation_overview
from .text import plain_text_of

CONTENT_MODELS = (GuidePage, SelfHelpSessionPage, LessonPage, TrainingModulePage)


@dataclass(frozen=True)
class ContentStatus:
    pages: int
    translated: int
    reviewed: int
    out_of_date: int
    with_audio: int


def content_status(language_code):
    english = [page for model in CONTENT_MODELS for page in model.objects.live().filter(locale=Locale.get_default())]
    if language_code == "en":
        readable = english
        translated = reviewed = len(english)  # the source needs no translation or review
        out_of_date = 0
    else:
        rows = [row for row in translation_overview(language_code) if isinstance(row.page, CONTENT_MODELS)]
        readable = [row.page for row in rows]
        translated = len(rows)
        reviewed = sum(row.state.status == "community-reviewed" for row in rows)
        out_of_date = sum(row.state.out_of_date for row in rows)
    with_audio = sum(ready_recording(plain_text_of(page), language_code) is not None for page in readable)
    return ContentStatus(len(english), translated, reviewed, out_of_date, with_audio)
