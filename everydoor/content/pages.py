"""Finding the page a reader asked for, in their language or, failing that, in English."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from .models import GuideIndexPage, GuidePage


@dataclass(frozen=True)
class Found:
    page: object
    in_reader_language: bool


def find_content_page(model, slug, language_code):
    pages = model.objects.live().filter(slug=slug).select_related("locale")
    page = pages.filter(locale__language_code=language_code).first()
    if page is not None:
        return Found(page, True)
    # By language code, not Locale.get_default(): a database without locales yet finds nothing.
    page = pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return Found(page, False) if page is not None else None


def guides_for(language_code):
    """Every published guide, in the reader's language where translated, else in English."""
    english = list(GuidePage.objects.live().filter(locale=Locale.get_default()).order_by("path"))
    translated = {
        page.translation_key: page
        for page in GuidePage.objects.live().filter(
            locale__language_code=language_code, translation_key__in=[page.translation_key for page in english]
        )
    }
    return [
        Found(translated[page.translation_key], True) if page.translation_key in translated else Found(page, False)
        for page in english
    ]


def guide_index_for(language_code):
    index = GuideIndexPage.objects.live().filter(locale__language_code=language_code).first()
    return index or GuideIndexPage.objects.live().filter(locale=Locale.get_default()).first()
