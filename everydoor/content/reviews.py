"""The translation workflow for content: draft -> community-reviewed, and out of date
whenever the English source has changed since the translation was made."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from .models import TranslationReview
from .text import content_digest


class CannotApprove(Exception):
    """The translation cannot be approved as it stands (say why in the message)."""


@dataclass(frozen=True)
class TranslationState:
    is_source: bool
    status: str
    out_of_date: bool
    reviewed_at: object = None
    source_page: object = None

    @property
    def is_draft(self):
        return not self.is_source and self.status != TranslationReview.Status.COMMUNITY_REVIEWED


def source_page_of(page):
    """The English page a translation was made from (the page itself if it is English)."""
    default_locale = Locale.get_default()
    if page.locale_id == default_locale.pk:
        return page
    source = page.get_translation_or_none(default_locale)
    return source.specific if source else None


def translation_state(page, review=None):
    source = source_page_of(page)
    if source is None or source.pk == page.pk:
        return TranslationState(is_source=True, status="source", out_of_date=False)
    if review is None:
        review = TranslationReview.objects.filter(page=page).first()
    if review is None:
        return TranslationState(False, TranslationReview.Status.DRAFT, True, source_page=source)
    return TranslationState(
        is_source=False,
        status=review.status,
        out_of_date=review.source_digest != content_digest(source),
        reviewed_at=review.reviewed_at,
        source_page=source,
    )


@transaction.atomic
def record_translation_published(page):
    """A translated page was published: note which English it follows; new wording is a draft."""
    source_digest = content_digest(source_page_of(page))
    digest = content_digest(page)
    review, created = TranslationReview.objects.select_for_update().get_or_create(
        page=page, defaults={"source_digest": source_digest, "translation_digest": digest}
    )
    if created:
        return review
    review.source_digest = source_digest
    if review.translation_digest != digest:
        review.translation_digest = digest
        review.translated_at = timezone.now()
        review.status = TranslationReview.Status.DRAFT
        review.reviewed_by = None
        review.reviewed_at = None
    review.save()
    return review


@transaction.atomic
def approve_translation(page, reviewer):
    """A community reviewer signs off the translation as it is now published."""
    review = TranslationReview.objects.select_for_update().filter(page=page).first()
    if review is None:
        raise CannotApprove("This translation has not been published yet.")
    if review.source_digest != content_digest(source_page_of(page)):
        raise CannotApprove("The English page has changed since this translation: update the translation first.")
    if review.translation_digest != content_digest(page):
        raise CannotApprove("The published page differs from the translation on record.")
    review.status = TranslationReview.Status.COMMUNITY_REVIEWED
    review.reviewed_by = reviewer
    review.reviewed_at = timezone.now()
    review.save()
    return review


@dataclass(frozen=True)
class TranslationRow:
    page: object
    language: str
    state: TranslationState
    segments_total: int
    segments_translated: int


def translation_overview(language_code=None):
    """Every translated guide and session with its progress and review status."""
    from wagtail_localize.models import Translation

    from .models import ContentPage

    pages = [page for page in _translated_pages(language_code) if isinstance(page, ContentPage)]
    reviews = {review.page_id: review for review in TranslationReview.objects.filter(page__in=pages)}
    rows = []
    for page in pages:
        state = translation_state(page, reviews.get(page.pk))
        translation = Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=page.locale
        ).first()
        total, translated = translation.get_progress() if translation else (0, 0)
        rows.append(TranslationRow(page, page.locale.language_code, state, total, translated))
    return rows


def _translated_pages(language_code):
    from wagtail.models import Page

    pages = Page.objects.live().exclude(locale=Locale.get_default()).select_related("locale")
    if language_code:
        pages = pages.filter(locale__language_code=language_code)
    return [page.specific for page in pages.order_by("locale__language_code", "path")]
