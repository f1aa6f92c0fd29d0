"""The whole self-referral in a real Chromium: Arabic right to left on a small phone, and
English with JavaScript off, through to the service accepting it and the person seeing so."""

import pytest

from everydoor.referrals.models import Referral
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow
from everydoor.testing.staff import authenticator, current_code

from .helpers import PASSWORD, create_service, create_user

pytestmark = pytest.mark.browser


def fill_in_the_form(page, site, language, *, name, check_accessibility=False):
    page.goto(f"{site}/{language}/")
    page.click(f'a[href="/{language}/refer/"]')
    if check_accessibility:
        assert_accessible_and_narrow(page)
    page.click("form button[type=submit]")
    page.fill("#id_name", name)
    page.fill("#id_day", "31")
    page.fill("#id_month", "3")
    page.fill("#id_year", "1990")
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/{language}/refer/contact/")
    page.fill("#id_phone", "07700 900123")
    page.check('input[name="contact_by"][value="text"]')
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/{language}/refer/safe-contact/")
    page.check('input[name="may_leave_voicemail"][value="no"]')
    page.check('input[name="may_text"][value="yes"]')
    page.check('input[name="safe_times"][value="evening"]')
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/{language}/refer/doctor/")
    page.check('input[name="has_gp"][value="no"]')
    page.fill("#id_postcode", "E15 4LZ")
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/{language}/refer/language/")
    page.check('input[name="interpreter_needed"][value="yes"]')
    page.check('input[name="interpreter_gender"][value="female"]')
    page.check('input[name="clinician_gender"][value="any"]')
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/{language}/refer/results/")
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/{language}/refer/check/")


def test_the_whole_referral_in_arabic_right_to_left(site, new_page):
    create_service("Riverside Talking Therapies")
    page = new_page(viewport=SMALL_PHONE)
    fill_in_the_form(page, site, "ar", name="أمل", check_accessibility=True)
    assert page.get_attribute("html", "dir") == "rtl"
    page.click("form button[type=submit]")  # without agreeing first
    assert page.locator(".error-summary").is_visible()
    assert_accessible_and_narrow(page)
    page.check("#id_consent")
    page.click("form button[type=submit]")
    page.wait_for_url(f"{site}/ar/refer/sent/")
    assert_accessible_and_narrow(page)
    referral = Referral.objects.get()
    assert (referral.name, referral.language, referral.status) == ("أمل", "ar", Referral.Status.SUBMITTED)
    assert page.locator(f"text={referral.code}").is_visible()


def test_a_mistake_in_arabic_keeps_the_answers_and_is_accessible(site, new_page):
    page = new_page(viewport=SMALL_PHONE)
    page.goto(f"{site}/ar/refer/")
    page.click("form button[type=submit]")
    page.fill("#id_name", "أمل")
    page.fill("#id_day", "30")
    page.fill("#id_month", "2")
    page.fill("#id_year", "1990")
    page.click("form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_name") == "أمل"
    assert_accessible_and_narrow(page)


def test_the_whole_referral_in_english_without_javascript_to_the_service_and_back(site, new_page):
    service = create_service("Riverside Talking Therapies")
    device = authenticator(create_user("riverside", service=service))
    person = new_page(java_script_enabled=False)
    fill_in_the_form(person, site, "en", name="Amal")
    person.check("#id_consent")
    person.click("form button[type=submit]")
    person.wait_for_url(f"{site}/en/refer/sent/")
    assert person.locator("text=Your request is with Riverside Talking Therapies.").is_visible()
    code = Referral.objects.get().code

    staff = new_page()
    staff.goto(f"{site}/staff/referrals/")
    staff.fill("#id_username", "riverside")
    staff.fill("#id_password", PASSWORD)
    staff.click("form button[type=submit]")
    staff.fill("#id_code", current_code(device))  # the second step: the app's code
    staff.click("main form button[type=submit]")
    staff.click(f"text={code}")
    assert staff.locator("text=Do not leave a voice message").is_visible()
    assert_accessible_and_narrow(staff)
    staff.click("text=Accept")
    assert staff.locator('[data-status="accepted"]').is_visible()

    person.goto(f"{site}/en/refer/status/")
    person.fill("#id_code", code)
    person.click("form button[type=submit]")
    assert person.locator('[data-status="accepted"]').is_visible()
