"""What happens when a guide or session is published: its translations are kept in step,
its review record is updated, and its read-aloud audio is made in the background."""

from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from everydoor.readaloud.audio import request_recording

from .models import ContentPage
from .reviews import record_translation_published, source_page_of
from .text import plain_text_of


def on_page_published(sender, instance, **kwargs):
    page = instance.specific
    if not isinstance(page, ContentPage):
        return
    if source_page_of(page).pk == page.pk:
        # English changed: refresh the strings translators work from, so their editors and
        # .po downloads show what is new. Published translations stay as they are, marked
        # out of date, until a translator updates them.
        TranslationSource.update_or_create_from_instance(page)
    else:
        record_translation_published(page)
    request_recording(plain_text_of(page), page.locale.language_code)


def request_all_content_audio():
    """Ask for audio of every live guide and session whose spoken text has none yet: text
    drawn from data files (the crisis lines) can change without any page being published."""
    from wagtail.models import Page

    for page in Page.objects.live().type(ContentPage).specific().select_related("locale"):
        request_recording(plain_text_of(page), page.locale.language_code)


page_published.connect(on_page_published, dispatch_uid="everydoor-content-published")
