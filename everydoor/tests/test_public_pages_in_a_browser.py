"""Every public page, in a real Chromium: weight, accessibility, small screens, no JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from everydoor.testing.browser import SMALL_PHONE, WCAG_22_AA
from everydoor.testing.pages import PAGE_BUDGET_BYTES, first_load, public_paths

pytestmark = pytest.mark.browser

NEUTRAL_SITE = "https://www.bbc.co.uk/**"
INTERACTIVE = "a[href], button, input, select, textarea, summary"


@pytest.fixture(scope="module")
def small_phone_tab(browser):
    """One tab on a 320 px phone, reused by the layout tests: opening a fresh browser context
    for each of some 250 pages was most of their time. Cookies are cleared before each use,
    so a language chosen on one page cannot redirect the next."""
    context = browser.new_context(viewport=SMALL_PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def small_phone(small_phone_tab):
    small_phone_tab.context.clear_cookies()
    return small_phone_tab


@pytest.mark.parametrize("path", public_paths())
def test_first_load_stays_within_30_kb_never_leaves_the_site_and_fits_a_320px_screen(site_for_reading, new_page,
                                                                                      path):
    # One cold load on the smallest phone serves both checks: a page is loaded once, not twice.
    page = new_page(viewport=SMALL_PHONE)
    weight, urls = first_load(page, site_for_reading + path)
    assert weight <= PAGE_BUDGET_BYTES, f"{path} transferred {weight} bytes"
    assert all(url.startswith(site_for_reading) for url in urls), urls
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, "scrolls sideways"


@pytest.mark.parametrize("path", public_paths(["en", "ar", "ti"]))
def test_axe_finds_no_wcag_22_aa_violations(site_for_reading, new_page, path):
    page = new_page()
    page.goto(site_for_reading + path)
    results = Axe().run(page, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", public_paths(["en", "ar", "ti", "ur", "zh-hant"]))
def test_every_touch_target_is_at_least_24_by_24_px(site_for_reading, small_phone, path):
    page = small_phone
    page.goto(site_for_reading + path)
    too_small = page.eval_on_selector_all(
        INTERACTIVE,
        """elements => elements
            .map(element => [element.outerHTML.slice(0, 80), element.getBoundingClientRect()])
            .filter(([, box]) => box.width > 0 && (box.width < 24 || box.height < 24))
            .map(([html, box]) => `${html} ${box.width}x${box.height}`)""",
    )
    assert too_small == []


def test_a_person_without_javascript_can_choose_a_language_and_reach_help(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site + "/")
    page.click('button[value="ar"]')
    assert page.url == site + "/ar/"
    page.click("a.help-now-link")
    assert page.url == site + "/ar/help-now/"
    assert page.locator('a[href="tel:999"]').is_visible()
    assert page.get_attribute("html", "dir") == "rtl"


def test_changing_language_keeps_the_person_on_the_same_page(site, new_page):
    page = new_page()
    page.goto(site + "/en/help-now/")
    page.click("a.language-link")
    page.click('button[value="ti"]')
    assert page.url == site + "/ti/help-now/"


def test_a_returning_visitor_goes_straight_to_their_language(site, new_page):
    page = new_page()
    page.goto(site + "/")
    page.click('button[value="so"]')
    page.goto(site + "/")
    assert page.url == site + "/so/"


def _neutral_site(page):
    page.context.route(
        NEUTRAL_SITE, lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html")
    )


def test_quick_exit_leaves_no_trace_of_the_page_in_the_back_history(site, new_page):
    page = new_page()
    _neutral_site(page)
    page.goto(site + "/en/")
    page.click("a.help-now-link")
    page.wait_for_url(site + "/en/help-now/")  # and for its script, which runs before "load"
    page.click("a.quick-exit")
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert page.url == site + "/en/"


def test_pressing_escape_twice_exits_quickly(site, new_page):
    page = new_page()
    _neutral_site(page)
    page.goto(site + "/ar/help-now/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert page.url != site + "/ar/help-now/"


def test_quick_exit_works_without_javascript(site, new_page):
    page = new_page(java_script_enabled=False)
    _neutral_site(page)
    page.goto(site + "/en/help-now/")
    page.click("a.quick-exit")
    page.wait_for_url(NEUTRAL_SITE)


def test_the_skip_link_appears_on_focus_and_moves_to_the_main_content(site, new_page):
    page = new_page()
    page.goto(site + "/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator("a.skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
