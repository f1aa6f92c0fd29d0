"""A helper whose console is in Arabic picks up an urgent escalation from someone who
said, on the Arabic website, that they are not safe. Real Chromium; axe at each page."""

import pytest

from everydoor.accounts.roles import HELPERS
from everydoor.crisis.models import Escalation
from everydoor.helpers.models import Case, HelperProfile
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow
from everydoor.testing.pages import PAGE_BUDGET_BYTES, first_load
from everydoor.testing.staff import sign_in_in_a_browser, staff_user

pytestmark = pytest.mark.browser

TABLET = {"width": 768, "height": 1024}



def test_a_helper_picks_up_an_urgent_escalation_in_arabic(site, new_page):
    person = new_page(java_script_enabled=False, viewport=SMALL_PHONE)
    person.goto(f"{site}/ar/check/gad-7/")
    person.click("form button[type=submit]")
    person.click("form.not-safe button")
    person.fill("input[name=phone]", "07700 900456")
    person.check("input[name=consent]")
    person.click("form[method=post] button.button:not(.button-urgent)")
    assert person.locator(".success-message").is_visible()
    case = Case.objects.get()

    helper = staff_user("hana", HELPERS)
    HelperProfile.objects.create(user=helper, languages=["ar"], console_language="ar")
    console = new_page(viewport=TABLET)
    sign_in_in_a_browser(console, site, helper)
    assert console.url == f"{site}/staff/cases/"
    assert console.get_attribute("html", "dir") == "rtl" and console.get_attribute("html", "lang") == "ar"
    assert console.locator("h1").inner_text() == "قائمة الحالات"  # "Caseload", in the console's language
    urgent = console.locator(f'li.case-urgent[data-case="{case.pk}"]')
    assert urgent.is_visible()
    assert_accessible_and_narrow(console)
    urgent.locator("a").click()
    assert console.locator('a[href^="tel:"]').count() == 0  # the number is for whoever picks it up
    console.click("main form button.button-urgent")
    assert console.locator('a[href="tel:07700 900456"]').is_visible()
    assert_accessible_and_narrow(console)
    case.refresh_from_db()
    assert (case.assigned_to, case.escalation.status) == (helper, Escalation.Status.CONTACTED)
    for path in ["/staff/cases/", f"/staff/cases/{case.pk}/"]:  # a tablet on a community centre's data
        weight, _urls = first_load(console.context.new_page(), site + path)
        assert weight <= PAGE_BUDGET_BYTES, f"{path} transferred {weight} bytes"
