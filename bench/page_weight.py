"""Print the bytes a first visit to each public page transfers (compressed, with headers).

Runs EveryDoor under gunicorn on a fresh SQLite database, as production serves it, and
loads every public page in every language in Debian's Chromium with an empty cache.

    .venv/bin/python bench/page_weight.py
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import running_site  # noqa: E402
from everydoor.testing.pages import PAGE_BUDGET_BYTES, first_load, public_paths  # noqa: E402

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def main():
    from playwright.sync_api import sync_playwright

    with (tempfile.TemporaryDirectory() as workdir,
          running_site(workdir, f"sqlite:///{workdir}/bench.sqlite3", workers=1) as url,
          sync_playwright() as playwright):
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        rows = []
        for path in public_paths():
            context = browser.new_context()
            weight, urls = first_load(context.new_page(), url + path)
            rows.append((path, len(urls), weight))
            context.close()
        browser.close()
    print(f"{'page':<26} {'requests':>8} {'bytes':>7} {'budget':>7}")
    for path, requests, weight in sorted(rows, key=lambda row: -row[2]):
        print(f"{path:<26} {requests:>8} {weight:>7} {'ok' if weight <= PAGE_BUDGET_BYTES else 'OVER':>7}")
    heaviest = max(rows, key=lambda row: row[2])
    print(f"\nheaviest: {heaviest[0]} {heaviest[2]} bytes of {PAGE_BUDGET_BYTES} ({len(rows)} pages)")


if __name__ == "__main__":
    main()
