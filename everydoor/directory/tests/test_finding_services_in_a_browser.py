"""Finding services in a real Chromium, in Arabic, with JavaScript off: the form, the
results ranked by distance, and the list to print."""

import re

import pytest

from everydoor.directory.feed import import_services
from everydoor.directory.models import Postcode
from everydoor.testing.browser import SMALL_PHONE, assert_accessible_and_narrow

from .helpers import demo_services

pytestmark = pytest.mark.browser


@pytest.fixture
def directory():
    import_services(demo_services())
    Postcode.objects.create(postcode="E154QR", latitude=51.5410, longitude=-0.0050)


def test_an_arabic_speaker_finds_services_near_a_postcode_without_javascript(site, directory, new_page):
    page = new_page(viewport=SMALL_PHONE, java_script_enabled=False)
    page.goto(f"{site}/ar/services/")
    page.fill("#id_postcode", "e15 4qr")
    page.select_option("#id_within_km", "10")
    page.click("form.directory-search button[type=submit]")
    names = page.locator(".service-result h3").all_inner_texts()
    assert names == ["Riverside Talking Therapies (demo)", "Women's peer circle (demo)",
                     "Low-cost counselling (demo)", "GP registration advice line (demo)"]
    distances = [float(re.search(r"\d+\.\d", text).group()) for text in
                 page.locator(".service-result .distance").all_inner_texts()[:3]]
    assert distances[0] < 0.5 and 4.5 < distances[1] < 5.5 and distances == sorted(distances)
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator('a[href="tel:02079460001"]').is_visible()
    page.click('a[href^="/ar/services/print/"]')
    assert "/ar/services/print/" in page.url
    assert page.locator(".service-result").count() == 4


def test_the_search_page_and_its_results_are_accessible_in_arabic(site, directory, new_page):
    page = new_page(viewport=SMALL_PHONE)
    page.goto(f"{site}/ar/services/?postcode=E15+4QR&language=ar&free_only=on")
    assert page.locator(".service-result").count() == 1
    assert_accessible_and_narrow(page)
