"""EveryDoor's starter guides: English from data/starter/en.json, draft translations from
one .po file per language beside it. `load_content` publishes them through Wagtail and
wagtail-localize, the same path an editor's and a translator's work takes."""

import json
import uuid
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from everydoor.languages.registry import all_languages

from .models import GuideIndexPage, GuidePage, LessonPage, SelfHelpSessionPage, TrainingModulePage
from .roles import ensure_content_roles
from .text import content_digest

STARTER_DIR = Path(__file__).parent / "data" / "starter"
CONTEXT_SEPARATOR = "|"
BLOCK_ID_NAMESPACE = uuid.UUID("5b0f6c8e-2f43-4e0a-9c55-5d1e0a3e7d21")
# Each list in en.json and the kind of page its entries become, in the order they are published.
PAGE_LISTS = {
    "guides": GuidePage,
    "self_help_sessions": SelfHelpSessionPage,
    "digital_skills_lessons": LessonPage,
    "helper_training": TrainingModulePage,
}


def starter_data():
    return json.loads((STARTER_DIR / "en.json").read_text(encoding="utf-8"))


def po_path(language_code):
    return STARTER_DIR / f"{language_code}.po"


def ensure_locales():
    for language in all_languages():
        Locale.objects.get_or_create(language_code=language.code)


def tree_root():
    """Wagtail's root page. Its migration makes one; a database flushed by a test has none."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="en")))
    return root


@transaction.atomic
def load_english(data=None, update_existing=True):
    """Create or update the English index and its pages; publish only what changed. With
    update_existing=False, pages already there are left as editors have made them."""
    data = data or starter_data()
    english = Locale.objects.get(language_code="en")
    index = GuideIndexPage.objects.filter(locale=english, slug=data["index"]["slug"]).first()
    if index is None:
        index = GuideIndexPage(locale=english, **data["index"])
        tree_root().add_child(instance=index)
        index.save_revision().publish()
    pages = [index]
    for list_name, model in PAGE_LISTS.items():
        for entry in data.get(list_name, []):
            pages.append(_publish_page(model, index, english, entry, update_existing))
    return pages


def _publish_page(model, index, english, entry, update_existing):
    page = model.objects.filter(locale=english, slug=entry["slug"]).first()
    fields = {"title": entry["title"], "summary": entry["summary"], "body": _with_block_ids(entry)}
    if page is None:
        page = model(locale=english, slug=entry["slug"], **fields)
        index.add_child(instance=page)
    elif not update_existing or _unchanged(page, fields):
        return page
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


def _with_block_ids(entry):
    """Blocks get ids derived from the guide and their position, the same on every machine,
    because translations in the .po files are keyed by them."""
    def block_id(*position):
        return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(map(str, [entry["slug"], *position]))))

    def list_items(items, *position):
        return [{"type": "item", "value": item, "id": block_id(*position, item_number)}
                for item_number, item in enumerate(items)]

    body = []
    for number, block in enumerate(entry["body"]):
        value = block.get("value")
        if isinstance(value, list):
            value = list_items(value, number)
        elif isinstance(value, dict):  # a structured block: its lists (an exercise's steps) too
            value = {name: list_items(field, number, name) if isinstance(field, list) else field
                     for name, field in value.items()}
        body.append({"type": block["type"], "value": value, "id": block_id(number)})
    return body


def _unchanged(guide, fields):
    return (guide.title, guide.summary, list(guide.body.raw_data)) == (
        fields["title"], fields["summary"], fields["body"])


@transaction.atomic
def load_translation(language_code, pages, update_existing=True):
    """Import a language's starter .po into each page's translation and publish it."""
    path = po_path(language_code)
    if not path.exists():
        return 0
    entries = _entries_by_page(polib.pofile(str(path)))
    locale = Locale.objects.get(language_code=language_code)
    published = 0
    for page in pages:
        if not update_existing and page.has_translation(locale):
            continue
        source, translation = _translation_job(page, locale)
        po = polib.POFile()
        po.extend(entries.get(page.slug, []))
        translation.import_po(po, tool_name="EveryDoor starter content")
        if _needs_publishing(page, source, translation, locale, update_existing):
            _publish_translation(page, source, locale)
            published += 1
    return published


def _translation_job(page, locale):
    """wagtail-localize's source for the page and its translation into `locale`, made if new."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    return source, translation


def _publish_translation(page, source, locale):
    """Save the translation as a draft, then publish it now. wagtail-localize's own publish
    waits for the transaction to commit and then saves a copy of the page read earlier,
    which would undo the tree's count of the guides added to an index in the meantime."""
    source.create_or_update_translation(locale, publish=False, fallback=True, copy_parent_pages=True)
    page.get_translation(locale).get_latest_revision().publish()


def _needs_publishing(page, source, translation, locale, update_existing):
    """Publish a new translation; republish only when the .po brings a complete, different
    translation. A translation left incomplete by an English change stays as it is, marked
    out of date, rather than being published half in English."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        return True
    if not update_existing:
        return False
    total, translated = translation.get_progress()
    if translated < total:
        return False
    candidate = source.get_ephemeral_translated_instance(locale, fallback=True)
    return content_digest(candidate) != content_digest(existing.specific)


def _entries_by_page(po):
    by_page = {}
    for entry in po:
        slug, _sep, context = entry.msgctxt.partition(CONTEXT_SEPARATOR)
        by_page.setdefault(slug, []).append(
            polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=context)
        )
    return by_page


def export_starter_po(language_code, pages):
    """One .po for a language holding every starter page's strings, with any translations
    already made: what a translator fills in (msgctxt is "<page slug>|<field path>")."""
    locale = Locale.objects.get(language_code=language_code)
    combined = polib.POFile(wrapwidth=0)
    combined.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": language_code}
    for page in pages:
        _source, translation = _translation_job(page, locale)
        for entry in translation.export_po():
            if entry.obsolete:
                continue
            combined.append(polib.POEntry(
                msgid=entry.msgid, msgstr=entry.msgstr,
                msgctxt=f"{page.slug}{CONTEXT_SEPARATOR}{entry.msgctxt}",
                tcomment="review: draft",
            ))
    return combined


def load_starter_content(language_codes=None, update_existing=True):
    ensure_locales()
    tree_root()
    ensure_content_roles()
    pages = load_english(update_existing=update_existing)
    codes = language_codes or [language.code for language in all_languages() if language.code != "en"]
    published = {code: load_translation(code, pages, update_existing) for code in codes}
    ensure_content_roles()  # again: translators may now work on the new languages' guides
    return published
