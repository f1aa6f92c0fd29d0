"""Readers' answers to "Was this clear?", kept with the page version and language they read."""

from .models import ClarityFeedback
from .reviews import translation_state


def record_clarity_feedback(page, language_code, was_clear, comment, revision_id=None):
    # Keep the revision the reader saw if it is really one of this page's; else the live one.
    if not revision_id or not page.revisions.filter(pk=revision_id).exists():
        revision_id = page.live_revision_id
    return ClarityFeedback.objects.create(
        page=page,
        language=language_code,
        revision_id=revision_id,
        translation_status=translation_state(page).status,
        was_clear=was_clear,
        comment=comment.strip(),
    )
