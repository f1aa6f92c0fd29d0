"""The public pages, and how to measure what a first visit to one costs a phone.

Shared by the browser tests (which enforce the budgets) and bench/page_weight.py
(which prints the figures)."""

from everydoor.languages.registry import all_languages

PAGE_BUDGET_BYTES = 30 * 1024
LANGUAGE_PAGES = [
    "/{code}/",
    "/{code}/languages/",
    "/{code}/help-now/",
    "/{code}/no-such-page/",
    "/{code}/check/",
    "/{code}/check/phq-9/",
    "/{code}/check/phq-9/all/",
    "/{code}/check/continue/",
    "/{code}/refer/",
    "/{code}/refer/status/",
    "/{code}/guides/",
    "/{code}/guides/register-with-a-gp/",
    "/{code}/guides/urgent-help/",
    "/{code}/guides/search/?q=NHS",
    "/{code}/services/",
    "/{code}/services/?postcode=E15+4QR&within_km=10",
    "/{code}/talk/",
    "/{code}/course/",
    "/{code}/self-help/managing-stress/",
    "/{code}/digital-skills/",
    "/{code}/digital-skills/nhs-app-and-login/",
    "/{code}/about-you/",
    "/{code}/privacy/",
    "/{code}/your-data/",
]


def public_paths(codes=None):
    codes = codes or [language.code for language in all_languages()]
    return ["/"] + [pattern.format(code=code) for code in codes for pattern in LANGUAGE_PAGES]


def first_load(page, url):
    """Load `url` in a fresh page; return (bytes on the wire, URLs of every request).

    Bytes are what Chromium received: compressed bodies plus response headers. Rather than
    Playwright's "networkidle" (half a second of quiet per page), wait until every request
    the page started has finished, after a short pause for any started late.
    """
    started, ended, finished = [], [], []
    page.on("request", lambda request: started.append(request))
    page.on("requestfailed", lambda request: ended.append(request))
    page.on("requestfinished", lambda request: (ended.append(request), finished.append(request)))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(50)
    while len(ended) < len(started):
        page.wait_for_timeout(10)
    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total, [request.url for request in finished]
