"""Guides in a real Chromium, in Arabic (right to left, generated audio) and Tigrinya
(Ethiopic script, no espeak-ng voice, so an editor's recording): reading, listening,
"Was this clear?", search, and reading again without a connection."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from everydoor.content.models import ClarityFeedback
from everydoor.content.text import plain_text_of
from everydoor.readaloud.audio import replace_with_human_recording, request_recording
from everydoor.readaloud.speech import synthesise
from everydoor.readaloud.tasks import generate_recording
from everydoor.readaloud.tests.test_read_aloud_in_a_browser import assert_audio_loads_only_when_played
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow

from .helpers import guide

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def audio_ready(language_code, slug):
    page = guide(language_code, slug)
    text = plain_text_of(page)
    if language_code == "ti":
        # No Tigrinya voice: an editor uploads a person's reading (here, speech made for the test).
        spoken = synthesise("ሰላም። እዚ ፈተነ እዩ።", "am")
        return replace_with_human_recording("ti", text, SimpleUploadedFile("reading.opus", spoken))
    recording = request_recording(text, language_code)
    generate_recording.call(str(recording.pk))
    return recording


@pytest.mark.parametrize("language_code, direction", [("ar", "rtl"), ("ti", "ltr")])
def test_a_guide_reads_well_and_its_audio_loads_only_when_played(
    site, starter_content, new_page, language_code, direction
):
    audio_ready(language_code, "free-interpreter")
    page = new_page(viewport=SMALL_PHONE)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site}/{language_code}/guides/free-interpreter/")
    assert page.get_attribute("html", "dir") == direction
    assert page.locator("h1").inner_text() == guide(language_code, "free-interpreter").title
    assert_audio_loads_only_when_played(page, requested)


@pytest.mark.parametrize("language_code", ["ar", "ti"])
@pytest.mark.parametrize("javascript", [True, False])
def test_a_reader_answers_was_this_clear(site, starter_content, new_page, language_code, javascript):
    page = new_page(viewport=SMALL_PHONE, java_script_enabled=javascript)
    page.goto(f"{site}/{language_code}/guides/register-with-a-gp/")
    page.click("#clear button[type=submit]")  # no answer chosen yet
    assert page.locator("#clear-error").is_visible()
    page.fill("#clear-comment", "ቃል «ሓኪም» ኣይተረደኣንን" if language_code == "ti" else "الفقرة الأولى طويلة")
    page.click("#clear button[type=submit]")
    page.check("input[name=was_clear][value=no]")
    page.click("#clear button[type=submit]")
    assert page.locator("#clear [role=status]").is_visible()
    answer = ClarityFeedback.objects.get()
    assert (answer.language, answer.was_clear) == (language_code, False)
    assert answer.comment
    if javascript:
        assert_accessible_and_narrow(page)


def test_an_arabic_reader_searches_the_guides(site, starter_content, new_page):
    page = new_page(viewport=SMALL_PHONE, java_script_enabled=False)
    page.goto(f"{site}/ar/guides/")
    word = guide("ar", "health-costs-hc2").title.split()[0]
    page.fill("#guide-search", word)
    page.click("form.search button")
    assert page.locator('a[href="/ar/guides/health-costs-hc2/"]').is_visible()


def test_a_guide_once_opened_can_be_read_again_without_a_connection(site, starter_content, new_page):
    page = new_page(viewport=SMALL_PHONE)
    url = f"{site}/ar/guides/urgent-help/"
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready")
    for _attempt in range(50):
        if page.evaluate("caches.open('everydoor-guides-v1').then(c => c.match(location.pathname)).then(r => !!r)"):
            break
        page.wait_for_timeout(100)
    page.context.set_offline(True)
    page.goto(url)
    assert page.locator("h1").inner_text() == guide("ar", "urgent-help").title
    assert page.locator('a[href="tel:999"]').first.is_visible()
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "18px"  # the kept stylesheet
    assert page.get_attribute("html", "dir") == "rtl"
