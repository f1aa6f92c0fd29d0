"""A whole guided self-help course in real Chromium: a person on a small phone with
JavaScript off, in Farsi (right to left), joins, answers the PHQ-9 at the start, middle
and end and works through the five sessions, coming back once with their code on another
phone; a helper picks the case up and records the weekly check-ins. axe at each kind of page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from everydoor.accounts.roles import HELPERS
from everydoor.content.starter import load_starter_content
from everydoor.course.models import Enrolment, HelperCheckIn
from everydoor.helpers.models import Case
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow
from everydoor.testing.pages import PAGE_BUDGET_BYTES, first_load
from everydoor.testing.staff import sign_in_in_a_browser, staff_user

pytestmark = pytest.mark.browser

TABLET = {"width": 768, "height": 1024}
NOT_AT_ALL, SEVERAL_DAYS = "LA6568-5", "LA6569-3"
NOT_DIFFICULT_AT_ALL = "LA6572-7"  # the PHQ-9's last, unscored question


def answer_nine_questions(person, codes):
    person.click('form[action$="/course/mood/start/"] button:not([name=skip]), '
                 'form[action$="/course/mood/middle/"] button:not([name=skip]), '
                 'form[action$="/course/mood/end/"] button:not([name=skip])')
    for code in codes + [NOT_DIFFICULT_AT_ALL]:  # nine scored questions, then how difficult things have been
        person.click(f'button.answer[value="{code}"]')
    assert "/check/phq-9/result/" in person.url
    person.click("main a.button[href$='/course/']")


def check_what_the_person_sees(person, new_page):
    """axe needs JavaScript, which the person has switched off: the same page, with the same
    cookies, in a second window that has it."""
    twin = new_page(viewport=SMALL_PHONE, storage_state=person.context.storage_state())
    twin.goto(person.url)
    assert twin.get_attribute("html", "dir") == "rtl"
    assert_accessible_and_narrow(twin)
    twin.context.close()


def finish_session(person, number, new_page=None):
    person.click(f"main .next-step a.button[href$='/course/session/{number}/']")
    assert person.get_attribute("html", "dir") == "rtl"
    assert person.locator("section.exercise").is_visible()
    if new_page:
        check_what_the_person_sees(person, new_page)
    person.click("section.session-done form button")


def record_check_in(console, note):
    console.select_option("#id_how", "whatsapp")
    console.check('input[name=reached][value="yes"]')
    console.fill("#id_note", note)
    console.click('form[action$="/check-in/"] button')


def test_a_person_does_the_whole_course_in_farsi_with_weekly_check_ins(site, new_page):
    load_starter_content(["fa"])  # the sessions, in English and Farsi (a live-server test starts empty)
    person = new_page(java_script_enabled=False, viewport=SMALL_PHONE)
    person.goto(f"{site}/fa/course/")
    check_what_the_person_sees(person, new_page)
    person.check('input[name=check_in_by][value="whatsapp"]')
    person.fill("#id_phone", "07700 900777")
    person.check("#id_consent")
    person.click('form[action$="/course/join/"] button')
    assert person.url == f"{site}/fa/course/"
    enrolment = Enrolment.objects.get()
    assert person.locator(".continue-code strong").inner_text() == enrolment.continue_code
    check_what_the_person_sees(person, new_page)
    answer_nine_questions(person, [SEVERAL_DAYS] * 5 + [NOT_AT_ALL] * 4)  # 5 at the start

    helper = staff_user("hana", HELPERS)
    console = new_page(viewport=TABLET)
    sign_in_in_a_browser(console, site, helper)
    case = Case.objects.get(enrolment=enrolment)
    row = console.locator(f'li.case[data-case="{case.pk}"]')
    assert row.is_visible() and "Check-in due" in row.inner_text()
    row.locator("a").click()
    console.click('form[action$="/pick-up/"] button')
    assert console.locator('a[href="tel:07700 900777"]').is_visible()
    record_check_in(console, "Welcome call on WhatsApp; agreed to start session 1 this week.")
    assert "Next check-in due on" in console.locator("main").inner_text()
    assert_accessible_and_narrow(console)

    finish_session(person, 1, new_page)
    finish_session(person, 2)

    # A week later, on another phone: the code brings the course back.
    other_phone = new_page(java_script_enabled=False, viewport=SMALL_PHONE)
    other_phone.goto(f"{site}/fa/course/")
    other_phone.fill("#id_code", enrolment.continue_code.lower())
    other_phone.click('form[action$="/course/continue/"] button')
    assert other_phone.locator(".continue-code strong").inner_text() == enrolment.continue_code
    answer_nine_questions(other_phone, [SEVERAL_DAYS] * 3 + [NOT_AT_ALL] * 6)  # 3 half way
    HelperCheckIn.objects.update(happened_at=timezone.now() - timedelta(days=7, minutes=1))
    console.goto(f"{site}/staff/cases/")
    assert "Check-in due" in console.locator(f'li.case[data-case="{case.pk}"]').inner_text()
    console.locator(f'li.case[data-case="{case.pk}"] a').click()
    record_check_in(console, "Breathing helps; finding session 2 hard. Will try smaller activities.")

    for number in (3, 4, 5):
        finish_session(other_phone, number)
    answer_nine_questions(other_phone, [SEVERAL_DAYS] + [NOT_AT_ALL] * 8)  # 1 at the end
    assert other_phone.locator(".next-step h2").is_visible()
    assert other_phone.locator(".course-sessions .done").count() == 5
    check_what_the_person_sees(other_phone, new_page)

    console.reload()
    facts = console.locator("main").inner_text()
    assert "Sessions finished: 5 of 5" in facts
    assert "5 / 27" in facts and "3 / 27" in facts and "1 / 27" in facts
    assert facts.count("WhatsApp message") >= 2
    enrolment.refresh_from_db()
    assert enrolment.finished_at is not None and enrolment.check_ins.filter(reached=True).count() == 2
    console.goto(f"{site}/staff/cases/training/risk-escalation-protocol/")
    console.click("main form button")  # finished the module
    assert "/staff/cases/training/" in console.url and console.locator("span.done").count() == 1
    assert_accessible_and_narrow(console)
    for path in [f"/staff/cases/{case.pk}/", "/staff/cases/training/risk-escalation-protocol/"]:
        weight, _urls = first_load(console.context.new_page(), site + path)
        assert weight <= PAGE_BUDGET_BYTES, f"{path} transferred {weight} bytes"
