"""A service manager reads the equity dashboard on a tablet: the charts are SVG drawn on the
server with a titled table beneath each, and the page passes axe. Real Chromium."""

import pytest
from django.core.management import call_command

from everydoor.accounts.roles import SERVICE_MANAGERS
from everydoor.equity.models import ReferencePopulation, ReferenceShare
from everydoor.testing.browser import assert_accessible_and_narrow
from everydoor.testing.staff import sign_in_in_a_browser, staff_user

pytestmark = pytest.mark.browser

TABLET = {"width": 768, "height": 1024}


def test_a_service_manager_reads_the_dashboard_with_charts_and_tables(site, new_page):
    call_command("make_synthetic_journeys", events=20000, weeks=12, verbosity=0)
    population = ReferencePopulation.objects.create(name="Census 2021, Newham", marker="ethnicity", uploaded_by="t")
    for value in ["black_african", "other_arab", "asian_other", "white_other"]:
        ReferenceShare.objects.create(population=population, value=value, share=0.25)
    page = new_page(viewport=TABLET)
    sign_in_in_a_browser(page, site, staff_user("maya", SERVICE_MANAGERS))
    assert page.url == f"{site}/staff/equity/"
    page.select_option("#id_population", str(population.pk))
    page.click("form.search button[type=submit]")
    assert page.locator("svg.chart").count() == 4
    assert page.locator("table caption").count() >= 6
    assert page.locator("svg.chart title").first.text_content() == "People reaching each step"
    assert_accessible_and_narrow(page)
    page.click("text=Count again now")  # a form's POST from a staff page gets through CSRF
    assert page.url.endswith("/staff/equity/?refreshing=1")
