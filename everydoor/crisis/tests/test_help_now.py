import json
from datetime import date

import pytest
from django.utils.html import escape

from everydoor.crisis.lines import DATA_FILE, TEXT_FIELDS, crisis_lines
from everydoor.languages.registry import all_languages
from everydoor.languages.templatetags.bidi import isolate_numbers

LANGUAGES = all_languages()
DATA = json.loads(DATA_FILE.read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_help_now_offers_999_111_samaritans_and_shout_as_links(client):
    page = client.get("/en/help-now/").content.decode()
    for link in ['href="tel:999"', 'href="tel:111"', 'href="tel:116123"', 'href="sms:85258?body=SHOUT"']:
        assert link in page


@pytest.mark.django_db
def test_help_now_says_to_choose_option_2_for_mental_health_on_111(client):
    [nhs_111] = [line for line in crisis_lines("en") if line.tel == "111"]
    assert nhs_111.menu_option == "2"
    assert "choose option 2" in client.get("/en/help-now/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_help_now_is_worded_in_every_language(client, language):
    page = client.get(f"/{language.code}/help-now/").content.decode()
    for line in crisis_lines(language.code):
        assert line.text_language == language.code
        assert escape(isolate_numbers(line.text["when"])) in page


@pytest.mark.django_db
def test_a_language_without_wording_falls_back_to_english_marked_as_english(client):
    [emergency, *_] = crisis_lines("xx")
    assert emergency.text_language == "en"
    assert emergency.text_status == "approved"


@pytest.mark.parametrize("line", DATA["lines"], ids=lambda line: line["id"])
def test_every_line_records_its_source_and_the_date_it_was_checked(line):
    assert line["source"].startswith("https://")
    assert date.fromisoformat(line["checked"]) <= date.today()


@pytest.mark.parametrize("line", DATA["lines"], ids=lambda line: line["id"])
def test_every_line_is_worded_in_every_language_with_a_review_status(line):
    for language in LANGUAGES:
        text = line["text"][language.code]
        assert text["status"] in {"draft", "approved"}
        assert all(text[field].strip() for field in TEXT_FIELDS)


@pytest.mark.parametrize("line", DATA["lines"], ids=lambda line: line["id"])
def test_every_translated_line_keeps_its_number(line):
    for language in LANGUAGES:
        assert line["number"].replace(" ", "") in line["text"][language.code]["name"].replace(" ", "")

