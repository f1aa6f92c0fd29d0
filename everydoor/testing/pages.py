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
    "/{code}/check/continue/",
]


def public_paths(codes=None):
    codes = codes or [language.code for language in all_languages()]
    return ["/"] + [pattern.format(code=code) for code in codes for pattern in LANGUAGE_PAGES]


def first_load(page, url):
    """Load `url` in a fresh page; return (bytes on the wire, URLs of every request).

    Bytes are what Chromium received: compressed bodies plus response headers.
    """
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total, [request.url for request in finished]
