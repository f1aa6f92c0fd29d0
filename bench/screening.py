"""Completed PHQ-9 questionnaires per second, and latency, on PostgreSQL under gunicorn.

Starts EveryDoor as production runs it (bin/production) against a fresh PostgreSQL
database and drives it with wrk (Debian's `wrk`): 50 connections, each one visitor with
its own cookies and CSRF token. Prints a table, one row per way of answering:

  one-page submission      the whole PHQ-9 sent at once from the one-page form (a person
                           on a slow connection, or a helper keying in a paper form):
                           each request is one completed, scored, risk-checked submission
  submission + next page   the same, then the page it leads to (the result, or crisis
                           help first when item 9 is above zero)
  one question per screen  the phone journey: questionnaire page, Start, ten answers and
                           the result, 13 requests for each completed questionnaire

"completed/s" counts the completed screenings that the database holds at the end of a run,
not requests. Target (issue 3): at least 200 completed PHQ-9 submissions per second with
p99 under 300 ms, on a 2-core machine (the load generator runs on the same cores).

    sudo apt-get install wrk      # once
    .venv/bin/python bench/screening.py [--seconds 30] [--workers 5]
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import running_site  # noqa: E402

WRK_SCRIPTS = ROOT / "bench" / "wrk"
SCENARIOS = [
    ("one-page submission", "one_page.lua", ["submit"]),
    ("submission + next page", "one_page.lua", ["follow"]),
    ("one question per screen", "journey.lua", []),
]
TARGET_PER_SECOND = 200
TARGET_P99_MS = 300
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def main():
    options = parse_arguments()
    if shutil.which("wrk") is None:
        raise SystemExit("This benchmark needs wrk: sudo apt-get install wrk")
    import psycopg

    with fresh_database(options.server, options.database) as database_url, \
            tempfile.TemporaryDirectory() as workdir, \
            running_site(workdir, database_url, workers=options.workers) as url, \
            psycopg.connect(database_url, autocommit=True) as database:
        os.environ["EVERYDOOR_BENCH_VISITORS"] = sign_in_visitors(url, options.connections, workdir)
        run_wrk(url, "one_page.lua", ["submit"], options.connections, seconds=5)  # warm up
        rows = []
        for name, script, arguments in SCENARIOS:
            before = completed_screenings(database)
            result = run_wrk(url, script, arguments, options.connections, options.seconds)
            result["completed_per_second"] = (completed_screenings(database) - before) / result["seconds"]
            rows.append((name, result))
    print_table(rows, options)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="length of each run")
    parser.add_argument("--connections", type=int, default=50, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2 * os.cpu_count() + 1,
                        help="gunicorn worker processes (default: as bin/production runs, two per core plus one)")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres",
                        help="a PostgreSQL server where the benchmark may create a database")
    parser.add_argument("--database", default="everydoor_bench", help="name of the throwaway database")
    return parser.parse_args()


@contextmanager
def fresh_database(server_url, name):
    """An empty database for the run, dropped afterwards."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server_url.rsplit("/", 1)[0] + "/" + name
        finally:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sign_in_visitors(url, count, workdir):
    """Give each client what a browser would hold after its first visit: the CSRF cookie and
    token (from the questionnaire page) and a session (from pressing Start). Returns a file
    of `Cookie header<TAB>token` lines for the wrk scripts."""
    lines = []
    for _ in range(count):
        cookies = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
        page = opener.open(url + "/en/check/phq-9/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        start = urllib.request.Request(url + "/en/check/phq-9/start/", data=f"csrfmiddlewaretoken={token}".encode(),
                                       headers={"Origin": url, "Referer": url + "/en/check/phq-9/"})
        opener.open(start).read()
        lines.append("; ".join(f"{cookie.name}={cookie.value}" for cookie in cookies) + "\t" + token)
    path = Path(workdir) / "visitors.txt"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def completed_screenings(database):
    return database.execute("SELECT count(*) FROM screening_screening WHERE status = 'completed'").fetchone()[0]


def run_wrk(url, script, arguments, connections, seconds):
    command = ["wrk", f"--threads={connections}", f"--connections={connections}", f"--duration={seconds}s",
               "--timeout=10s", "--latency", f"--script={script}", url, "--", *arguments]
    output = subprocess.run(command, cwd=WRK_SCRIPTS, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def parse_wrk(output):
    requests, seconds = re.search(r"(\d+) requests in ([\d.]+)(m?s)", output).group(1, 2)
    if re.search(r"requests in [\d.]+ms", output):
        seconds = float(seconds) / 1000
    percentiles = {int(p): float(v) * UNITS_MS[unit]
                   for p, v, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)}
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": int(requests),
        "seconds": float(seconds),
        "requests_per_second": int(requests) / float(seconds),
        "p50_ms": percentiles[50],
        "p99_ms": percentiles[99],
        "failed": int(failures.group(1)) if failures else 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
    }


def print_table(rows, options):
    print(f"PHQ-9 on PostgreSQL, gunicorn with {options.workers} workers, {options.connections} concurrent "
          f"clients, {options.seconds} s per row, {os.cpu_count()} CPU cores (wrk on the same cores)")
    header = (f"{'way of answering':<25} {'requests/s':>10} {'completed/s':>11} "
              f"{'p50 ms':>7} {'p99 ms':>7} {'failed':>7}")
    print(header)
    print("-" * len(header))
    for name, result in rows:
        print(f"{name:<25} {result['requests_per_second']:>10.0f} {result['completed_per_second']:>11.1f} "
              f"{result['p50_ms']:>7.1f} {result['p99_ms']:>7.1f} {result['failed'] + result['socket_errors']:>7}")
    submissions = rows[0][1]
    met = (submissions["completed_per_second"] >= TARGET_PER_SECOND and submissions["p99_ms"] < TARGET_P99_MS
           and submissions["failed"] + submissions["socket_errors"] == 0)
    print(f"\ntarget: >= {TARGET_PER_SECOND} completed submissions/s with p99 < {TARGET_P99_MS} ms, no failures: "
          f"{'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
