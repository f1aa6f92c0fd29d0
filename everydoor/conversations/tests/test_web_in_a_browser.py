"""The web door in a real Chromium: JavaScript off as on a basic phone, right-to-left, and
checked by axe at each kind of step."""

import pytest

from everydoor.conversations.journeys import language_choices
from everydoor.conversations.models import CallbackRequest
from everydoor.screening.models import Screening
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow

pytestmark = pytest.mark.browser




def test_phq4_and_a_call_back_in_farsi_without_javascript(site, new_page):
    page = new_page(viewport=SMALL_PHONE, java_script_enabled=False)
    page.goto(site + "/fa/")
    page.click('a[href="/fa/talk/"]')
    assert page.get_attribute("html", "dir") == "rtl"
    page.click('button[name=choice][value="1"]')
    for answer in ["2", "2", "1", "1"]:
        page.click(f'button[name=choice][value="{answer}"]')
    screening = Screening.objects.get()
    assert (screening.channel, screening.language, screening.result["total"]) == ("web", "fa", 2)
    page.click('button[name=choice][value="1"]')  # a helper's call
    page.fill("input[type=tel]", "abc")
    page.click("form.typed-reply button")
    assert page.input_value("input[type=tel]") == "abc"  # kept, to correct
    page.fill("input[type=tel]", "07700 900789")
    page.click("form.typed-reply button")
    page.click('button[name=choice][value="1"]')  # a voice message is fine
    callback = CallbackRequest.objects.get()
    assert (callback.language, callback.phone, callback.safe_to_leave_message) == ("fa", "07700 900789", True)


@pytest.mark.parametrize("language", ["en", "ar", "ti"])
def test_every_kind_of_step_passes_axe_on_a_small_phone(site, new_page, language):
    page = new_page(viewport=SMALL_PHONE)  # axe needs JavaScript
    page.goto(f"{site}/{language}/talk/")
    same_language = next(number for number, code in language_choices().items() if code == language)
    for choice in ["3", same_language, "1"]:  # the menu, the language list, then a question
        assert_accessible_and_narrow(page)
        page.click(f'button[name=choice][value="{choice}"]')
    assert page.url == f"{site}/{language}/talk/"
    assert_accessible_and_narrow(page)
    page.fill("input[name=typed]", "help")
    page.click("form.typed-reply button")
    assert page.locator(f'main a.button-urgent[href="/{language}/help-now/"]').is_visible()
    assert_accessible_and_narrow(page)
    page.click('button[name=choice][value="1"]')
    assert page.locator("input[type=tel]").is_visible()
    assert_accessible_and_narrow(page)
