"""The questionnaire journey in a real Chromium, JavaScript off, as on a basic phone."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from everydoor.crisis.models import Escalation
from everydoor.screening.models import Screening
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow

pytestmark = pytest.mark.browser




def test_the_whole_phq9_journey_in_arabic_with_crisis_help_at_item_9(site, new_page):
    page = new_page(viewport=SMALL_PHONE)  # axe needs JavaScript; the next test runs without it
    page.goto(site + "/ar/check/")
    page.click('a[href="/ar/check/phq-9/"]')
    page.click("form button[type=submit]")
    for number in range(1, 9):
        assert page.url == f"{site}/ar/check/phq-9/{number}/"
        if number == 1:
            assert_accessible_and_narrow(page)
        page.click('button.answer[value="LA6570-1"]')  # more than half the days
    page.click('button.answer[value="LA6569-3"]')  # item 9: several days
    assert page.url == f"{site}/ar/check/safety/"
    assert page.locator('a[href="tel:999"]').is_visible()
    assert page.get_attribute("html", "dir") == "rtl"
    assert_accessible_and_narrow(page)
    page.click('a[href="/ar/check/phq-9/10/"]')
    page.click('button.answer[value="LA6573-5"]')
    assert page.url == f"{site}/ar/check/phq-9/result/"
    assert page.locator('[data-translation-status="unvalidated"]').is_visible()
    assert_accessible_and_narrow(page)
    screening = Screening.objects.get()
    assert (screening.result["total"], screening.result["band"]) == (17, "moderately_severe")
    assert screening.risk_flagged


def test_i_am_not_safe_leads_to_crisis_help_and_a_call_back_from_a_helper(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site + "/ti/check/gad-7/")
    page.click("form button[type=submit]")
    page.click('button.answer[value="LA6568-5"]')
    page.click("form.not-safe button")
    assert page.url == f"{site}/ti/check/safety/"
    assert page.locator('a[href="tel:116123"]').is_visible()
    page.fill("input[name=phone]", "07700 900456")
    page.check("input[name=consent]")
    page.click("form[method=post] button.button:not(.button-urgent)")
    assert page.locator(".success-message").is_visible()
    escalation = Escalation.objects.get()
    assert (escalation.language, escalation.contact_phone) == ("ti", "07700 900456")


def test_back_and_reload_never_lose_or_double_an_answer(site, new_page):
    page = new_page()
    page.goto(site + "/en/check/phq-4/")
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/en/check/phq-4/1/")
    page.click('button.answer[value="LA6571-9"]')
    page.wait_for_url(f"{site}/en/check/phq-4/2/")
    page.go_back()
    assert page.locator('button.answer[aria-pressed="true"]').get_attribute("value") == "LA6571-9"
    page.reload()
    page.click('button.answer[value="LA6568-5"]')
    assert page.url == f"{site}/en/check/phq-4/2/"
    assert Screening.objects.get().answers == {"phq-4-1": "LA6568-5"}


def test_a_dropped_connection_loses_nothing_and_the_code_brings_the_person_back(site, new_page):
    page = new_page()
    page.goto(site + "/en/check/who-5/")
    page.click("form button[type=submit]")
    page.click('button.answer[value="all-of-the-time"]')
    code = page.locator(".continue-code strong").inner_text()
    page.context.set_offline(True)
    with pytest.raises(PlaywrightError):
        page.click('button.answer[value="at-no-time"]', timeout=3000)
        page.wait_for_url(f"{site}/en/check/who-5/3/", timeout=3000)
    page.context.set_offline(False)
    other_phone = new_page()
    other_phone.goto(site + "/en/check/continue/")
    other_phone.fill("input[name=code]", code)
    other_phone.click("form button[type=submit]")
    assert other_phone.url == f"{site}/en/check/who-5/2/"


def test_the_one_page_form_in_urdu_keeps_answers_through_a_mistake_and_shows_the_result(site, new_page):
    page = new_page(viewport=SMALL_PHONE, java_script_enabled=False)
    page.goto(site + "/ur/check/phq-9/")
    page.click('a[href="/ur/check/phq-9/all/"]')
    page.wait_for_url(f"{site}/ur/check/phq-9/all/")
    for number in range(1, 9):  # item 9 left out by mistake
        page.check(f'input[name="phq-9-{number}"][value="LA6569-3"]')  # several days
    page.click("form.all-questions button[type=submit]")
    assert page.locator(".error-summary a[href='#phq-9-9']").is_visible()
    assert page.is_checked('input[name="phq-9-1"][value="LA6569-3"]')
    page.check('input[name="phq-9-9"][value="LA6568-5"]')  # not at all
    page.click("form.all-questions button[type=submit]")
    page.wait_for_url(f"{site}/ur/check/phq-9/result/")
    assert page.locator('[data-translation-status="unvalidated"]').is_visible()
    assert Screening.objects.get().result["total"] == 8


def test_the_one_page_form_with_an_error_is_accessible_in_arabic(site, new_page):
    page = new_page(viewport=SMALL_PHONE)
    page.goto(site + "/ar/check/phq-9/all/")
    page.check('input[name="phq-9-1"][value="LA6568-5"]')
    page.click("form.all-questions button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert_accessible_and_narrow(page)
