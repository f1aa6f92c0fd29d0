"""The player in a real Chromium: a plain audio element, accessible, that downloads nothing
until the person presses play."""

import pytest

from everydoor.readaloud.models import Recording
from everydoor.readaloud.tasks import generate_recording
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_arabic_question_audio_loads_only_when_played(site, new_page):
    page = new_page(viewport=SMALL_PHONE)
    page.goto(site + "/ar/check/phq-9/")
    page.click("form button[type=submit]")
    generate_recording.call(str(Recording.objects.get().pk))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.reload()
    assert_audio_loads_only_when_played(page, requested)


def assert_audio_loads_only_when_played(page, requested):
    """`requested` collects the URLs the page has asked for since it started loading."""
    assert page.locator("audio[controls][preload=none]").is_visible()
    assert not any("/audio/" in url for url in requested)
    assert_accessible_and_narrow(page)
    page.evaluate("document.querySelector('audio').play().catch(() => {})")
    page.wait_for_function("document.querySelector('audio').readyState > 0")
    assert any("/audio/" in url for url in requested)
