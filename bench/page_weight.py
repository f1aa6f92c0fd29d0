"""Print the bytes a first visit to each public page transfers (compressed, with headers).

Runs EveryDoor under gunicorn on a fresh SQLite database, as production serves it, and
loads every public page in every language in Debian's Chromium with an empty cache.

    .venv/bin/python bench/page_weight.py
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from everydoor.testing.pages import PAGE_BUDGET_BYTES, first_load, public_paths  # noqa: E402

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def start_site(workdir):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
                   "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "DEBUG": "0",
                   "EVERYDOOR_HTTPS": "0", "SECRET_KEY": "bench-" + "b" * 50,
                   "STATIC_ROOT": f"{workdir}/static", "PYTHON": sys.executable}
    process = subprocess.Popen([str(ROOT / "bin" / "production")], env=environment,
                               start_new_session=True, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            return process, url
        except OSError:
            time.sleep(0.3)
    raise SystemExit("EveryDoor did not start")


def main():
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as workdir:
        process, url = start_site(workdir)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
                rows = []
                for path in public_paths():
                    context = browser.new_context()
                    weight, urls = first_load(context.new_page(), url + path)
                    rows.append((path, len(urls), weight))
                    context.close()
                browser.close()
        finally:
            os.killpg(process.pid, 15)
    print(f"{'page':<26} {'requests':>8} {'bytes':>7} {'budget':>7}")
    for path, requests, weight in sorted(rows, key=lambda row: -row[2]):
        print(f"{path:<26} {requests:>8} {weight:>7} {'ok' if weight <= PAGE_BUDGET_BYTES else 'OVER':>7}")
    heaviest = max(rows, key=lambda row: row[2])
    print(f"\nheaviest: {heaviest[0]} {heaviest[2]} bytes of {PAGE_BUDGET_BYTES} ({len(rows)} pages)")


if __name__ == "__main__":
    main()
