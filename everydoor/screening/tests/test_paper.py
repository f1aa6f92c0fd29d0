"""Every questionnaire prints in every language, and the PDF says what it should."""

import subprocess
import unicodedata
from collections import Counter

import pytest

from everydoor.languages.registry import all_languages
from everydoor.screening.instruments import load_instrument, shipped_catalogue
from everydoor.screening.paper import paper_questionnaire_pdf

pytestmark = pytest.mark.django_db


# Joiners and direction marks are invisible: PDF text extraction drops or adds them.
INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def plain(text):
    return unicodedata.normalize("NFKC", text).translate(INVISIBLE)


def pdf_text(pdf, tmp_path):
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return plain(text.decode("utf-8"))


def letters_found(expected, text):
    """The share of the expected letters that the PDF's text holds.

    Counting letters rather than words, because text extraction of joined scripts
    (Nastaliq Urdu, Arabic) may split words or give runs in visual order.
    """
    available = Counter(character for character in text if character.isalnum())
    wanted = Counter(character for character in plain(expected) if character.isalnum())
    return sum(min(count, available[character]) for character, count in wanted.items()) / sum(wanted.values())


@pytest.mark.parametrize("language", [language.code for language in all_languages()])
@pytest.mark.parametrize("instrument_id", list(shipped_catalogue()))
def test_every_questionnaire_prints_on_a4_in_every_language(instrument_id, language, tmp_path):
    instrument = load_instrument(instrument_id, language)
    pdf = paper_questionnaire_pdf(instrument)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert instrument.title in text
    for question in (instrument.scored_questions[0], instrument.scored_questions[-1]):
        # Nastaliq ligatures map back to Unicode imperfectly (about 92% of letters for Urdu).
        assert letters_found(question.text, text) >= 0.9, question.text


def test_the_paper_form_links_to_the_web_version_and_has_a_box_for_the_helper(tmp_path):
    text = pdf_text(paper_questionnaire_pdf(load_instrument("gad-7", "en")), tmp_path)
    assert "127.0.0.1:8000/en/check/gad-7/" in text.replace("\n", "")
    assert "For the helper who enters this form" in text
    assert "127.0.0.1:8000/en/check/gad-7/all/" in text.replace("\n", "")


def test_the_pdf_page_is_a4(tmp_path):
    path = tmp_path / "form.pdf"
    path.write_bytes(paper_questionnaire_pdf(load_instrument("phq-9", "ar")))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info


def test_the_paper_form_is_served_as_a_pdf(client):
    response = client.get("/ti/check/phq-9/paper.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
