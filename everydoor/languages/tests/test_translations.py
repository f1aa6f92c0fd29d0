import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from everydoor.languages.catalogues import (
    catalogue_status,
    is_reviewed,
    load_catalogue,
    po_path,
    translated_languages,
)
from everydoor.languages.checks import check_translation_placeholders

TRANSLATED = translated_languages()
ids = [language.code for language in TRANSLATED]


@pytest.mark.parametrize("language", TRANSLATED, ids=ids)
def test_every_interface_string_is_translated(language):
    untranslated = [entry.msgid for entry in load_catalogue(language.code) if not entry.translated()]
    assert untranslated == []


@pytest.mark.parametrize("language", TRANSLATED, ids=ids)
def test_every_translation_carries_a_review_status(language):
    for entry in load_catalogue(language.code):
        assert "review: draft" in entry.tcomment or "review: approved" in entry.tcomment, entry.msgid


@pytest.mark.parametrize("language", TRANSLATED, ids=ids)
def test_every_catalogue_is_compiled(language):
    compiled = po_path(language.code).with_suffix(".mo")
    assert compiled.exists()
    assert compiled.stat().st_mtime >= po_path(language.code).stat().st_mtime


@pytest.mark.parametrize("language", TRANSLATED, ids=ids)
def test_every_catalogue_uses_its_languages_plural_rule(language):
    assert load_catalogue(language.code).metadata["Plural-Forms"] == language.plural_forms


def test_a_draft_is_not_counted_as_reviewed():
    entry = polib.POEntry(msgid="Hello", msgstr="Salaan", tcomment="review: draft")
    assert not is_reviewed(entry)


def test_an_approved_translation_is_counted_as_reviewed():
    entry = polib.POEntry(msgid="Hello", msgstr="Salaan", tcomment="review: approved by Amina on 2026-11-20")
    assert is_reviewed(entry)


def test_the_shipped_translations_keep_every_placeholder():
    assert check_translation_placeholders(None) == []


def test_a_translation_that_breaks_a_placeholder_fails_the_check(tmp_path):
    shutil.copytree(settings.LOCALE_PATHS[0], tmp_path, dirs_exist_ok=True)
    broken = polib.pofile(str(tmp_path / "fr" / "LC_MESSAGES" / "django.po"))
    broken.find("Call %(number)s").msgstr = "Appelez le %(numero)s"
    broken.save()
    with override_settings(LOCALE_PATHS=[tmp_path]):
        errors = check_translation_placeholders(None)
    assert [error.id for error in errors] == ["languages.E002"]
    assert "Call %(number)s" in errors[0].msg


def test_the_build_check_command_fails_on_a_broken_placeholder(tmp_path):
    shutil.copytree(settings.LOCALE_PATHS[0], tmp_path, dirs_exist_ok=True)
    broken = polib.pofile(str(tmp_path / "ar" / "LC_MESSAGES" / "django.po"))
    broken.find("Number checked on %(date)s").msgstr = "تم التحقق"
    broken.save()
    with override_settings(LOCALE_PATHS=[tmp_path]), pytest.raises(Exception, match="languages.E002"):
        call_command("check", tags=["translations"])


@pytest.mark.django_db
def test_translation_status_prints_the_translated_and_reviewed_share_per_language(capsys):
    call_command("translation_status")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "language", "strings", "translated", "reviewed",
        "pages", "translated", "reviewed", "outdated", "audio", "read-aloud",
    ]
    assert len(lines) == 1 + 20
    assert any(line.startswith("ti Tigrinya") and "100%" in line for line in lines)


def test_the_status_counts_every_string_of_a_catalogue():
    status = catalogue_status("ar")
    assert status.total == len(load_catalogue("ar"))
    assert status.translated == status.total
    assert 0 <= status.reviewed <= status.total


def test_the_catalogues_hold_exactly_the_strings_the_code_uses(tmp_path, monkeypatch):
    """Catches a string added to a template or module without running makemessages."""
    shutil.copytree(settings.LOCALE_PATHS[0], tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(settings.BASE_DIR)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        call_command(
            "makemessages", locale=["fr"], no_location=True, no_obsolete=True, verbosity=0,
            ignore_patterns=[".venv", "staticfiles", "node_modules", "media", "locale"],
        )
    regenerated = {entry.msgid for entry in polib.pofile(str(tmp_path / "fr" / "LC_MESSAGES" / "django.po"))}
    shipped = {entry.msgid for entry in load_catalogue("fr")}
    assert regenerated == shipped


@pytest.mark.parametrize("language", TRANSLATED, ids=ids)
def test_no_guess_from_msgmerge_is_shipped_as_a_translation(language):
    guesses = [
        entry.msgid for entry in load_catalogue(language.code) if entry.previous_msgid or "fuzzy" in entry.flags
    ]
    assert guesses == []
