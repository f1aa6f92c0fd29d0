import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import ContentStreamBlock
from .text import plain_text_of, searchable


class ContentPage(Page):
    """What guides and self-help sessions share: a plain summary, structured blocks, and
    text kept ready for search. Public pages are drawn by our own views (see views.py)."""

    summary = models.TextField(max_length=300, help_text="One or two short sentences: what this page helps with.")
    body = StreamField(ContentStreamBlock())
    search_text = models.TextField(editable=False, blank=True)

    # The English slug is kept in every language, so changing language keeps the same address.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("slug"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["content.GuideIndexPage"]
    subpage_types = []
    public_url_name = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.locale_id:
            self.locale = self.get_default_locale()  # as Wagtail would, but before we read it
        self.search_text = searchable(plain_text_of(self))
        return super().save(*args, **kwargs)

    def public_path(self):
        with translation.override(self.locale.language_code):
            return reverse(self.public_url_name, kwargs={"slug": self.slug})

    def get_url_parts(self, request=None):
        # Wagtail's own routing is not used: "View live" in the admin opens our public page.
        return (None, settings.WAGTAILADMIN_BASE_URL, self.public_path())

    def serve_preview(self, request, mode_name):
        from .views import render_content_page

        with translation.override(self.locale.language_code):
            return render_content_page(request, self, preview=True)


class GuideIndexPage(Page):
    """The root of a language's guides; wagtail-localize keeps one per locale."""

    intro = models.TextField(blank=True)
    translatable_fields = [TranslatableField("title"), TranslatableField("intro"), SynchronizedField("slug")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.GuidePage", "content.SelfHelpSessionPage", "content.LessonPage", "content.TrainingModulePage",
    ]
    max_count_per_parent = None

    def get_url_parts(self, request=None):
        with translation.override(self.locale.language_code):
            return (None, settings.WAGTAILADMIN_BASE_URL, reverse("guides"))

    def serve_preview(self, request, mode_name):
        from .views import guide_list

        with translation.override(self.locale.language_code):
            return guide_list(request)


class GuidePage(ContentPage):
    """Plain guidance on rights and on how the NHS works."""

    public_url_name = "guide"


class SelfHelpSessionPage(ContentPage):
    """One session of the guided self-help course, with its exercise."""

    public_url_name = "self-help-session"

    class Meta:
        verbose_name = "self-help session"


class LessonPage(ContentPage):
    """A short digital-skills lesson: using a phone's browser safely, the NHS App and so on."""

    public_url_name = "digital-skills-lesson"

    class Meta:
        verbose_name = "digital-skills lesson"


class TrainingModulePage(ContentPage):
    """One part of the helpers' training path, shown inside the staff console."""

    public_url_name = "helpers-training-module"

    class Meta:
        verbose_name = "helper training module"


class TranslationReview(models.Model):
    """Where a translated page stands: a draft until a community reviewer approves it.

    `source_digest` is the English content the translation was made from; when the English
    page changes, the digests differ and the translation is out of date. Publishing new
    translated text puts the page back to draft.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        COMMUNITY_REVIEWED = "community-reviewed", "Community-reviewed"

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="translation_review")
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.DRAFT)
    source_digest = models.CharField(max_length=64)
    translation_digest = models.CharField(max_length=64)
    translated_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [("review_translation", "Can approve a translation as a community reviewer")]

    def __str__(self):
        return f"{self.page} ({self.status})"


class ClarityFeedback(models.Model):
    """A reader's answer to "Was this clear?", with the exact page version they read."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="clarity_feedback")
    language = models.CharField(max_length=16)
    revision_id = models.PositiveBigIntegerField(null=True)
    translation_status = models.CharField(max_length=24, blank=True)
    was_clear = models.BooleanField()
    comment = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "clarity feedback"

    def __str__(self):
        return f"{self.language} {self.page_id} {'clear' if self.was_clear else 'not clear'}"
