"""What the browser tests check on every page a person or helper looks at."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
SMALL_PHONE = {"width": 320, "height": 640}


def assert_accessible_and_narrow(page):
    """No WCAG 2.2 AA violation axe can find, and nothing scrolls sideways."""
    results = Axe().run(page, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
