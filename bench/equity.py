"""Equity dashboard queries with ten million journey events on PostgreSQL.

Creates a throwaway database, migrates it, adds synthetic journeys (make_synthetic_journeys:
about 2.7 million people over three years, 45% of them with markers), counts the summary
the dashboard reads, uploads a reference population, then times every query the dashboard
makes, each with the filters a manager uses (the last 12 weeks everywhere, three years
everywhere, one postcode area), and the whole dashboard page and CSV export through
Django's test client. Each is run --repeat times; the table shows the median and the
slowest. Target (issue 9): every dashboard query under 500 ms.

    .venv/bin/python bench/equity.py [--events 10000000] [--repeat 5]
"""

import argparse
import contextlib
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screening import fresh_database  # noqa: E402

TARGET_MS = 500


def options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="everydoor_bench_equity")
    parser.add_argument("--keep", action="store_true",
                        help="Keep the database afterwards, and reuse it if it is there (to time queries again)")
    return parser.parse_args()


def main():
    opts = options()
    database = kept_database(opts.server, opts.database) if opts.keep else fresh_database(opts.server, opts.database)
    with database as database_url:
        os.environ.update({"DATABASE_URL": database_url, "DEBUG": "0", "SECRET_KEY": "bench-" + "e" * 50,
                           "EVERYDOOR_HTTPS": "0", "ALLOWED_HOSTS": "testserver",
                           "DJANGO_SETTINGS_MODULE": "everydoor.settings"})
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", verbosity=0)
        setup = fill(opts.events) if not already_filled() else described()
        rows = measure(opts.repeat)
        connections.close_all()
    print_table(setup, rows, opts)


@contextlib.contextmanager
def kept_database(server_url, name):
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as server:
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.execute(f'CREATE DATABASE "{name}"')
    yield server_url.rsplit("/", 1)[0] + "/" + name


def already_filled():
    from everydoor.equity.models import SummaryRefresh

    return SummaryRefresh.objects.exists()


def described():
    from everydoor.equity.models import EquityProfile, JourneyEvent, StepCount
    from everydoor.equity.summary import last_refresh

    refresh = last_refresh()
    return {"journeys": JourneyEvent.objects.values("journey").distinct().count(), "events": refresh.events_counted,
            "profiles": EquityProfile.objects.count(), "generated_s": float("nan"),
            "summary_s": refresh.seconds_taken, "summary_rows": StepCount.objects.count()}


def fill(events):
    from everydoor.equity.models import JourneyEvent, StepCount
    from everydoor.equity.summary import refresh_step_counts
    from everydoor.equity.synthetic import make_synthetic_journeys

    started = time.perf_counter()
    journeys, added, profiles = make_synthetic_journeys(events)
    generated = time.perf_counter() - started
    refresh = refresh_step_counts()
    return {"journeys": journeys, "events": JourneyEvent.objects.count(), "profiles": profiles,
            "generated_s": generated, "summary_s": refresh.seconds_taken, "summary_rows": StepCount.objects.count()}


def reference_population():
    from everydoor.equity.models import ReferencePopulation, ReferenceShare
    from everydoor.equity.synthetic import LIKELY_ETHNICITY

    ReferencePopulation.objects.filter(uploaded_by="bench").delete()
    population = ReferencePopulation.objects.create(name="Synthetic census", marker="ethnicity", uploaded_by="bench")
    groups = sorted(set(LIKELY_ETHNICITY.values()))
    ReferenceShare.objects.bulk_create(ReferenceShare(population=population, value=value, share=1 / len(groups))
                                       for value in groups)
    return population


def measure(repeat):
    from django.test import Client
    from django.utils import timezone

    from everydoor.accounts.roles import SERVICE_MANAGERS
    from everydoor.equity import dashboard
    from everydoor.equity.summary import DIMENSIONS
    from everydoor.testing.staff import staff_user, verified_login

    today = timezone.localdate()
    population = reference_population()
    filter_sets = {
        "last 12 weeks": dashboard.Filters(start=today - datetime.timedelta(weeks=12), end=today),
        "3 years": dashboard.Filters(start=today - datetime.timedelta(weeks=156), end=today),
        "3 years, area E": dashboard.Filters(start=today - datetime.timedelta(weeks=156), end=today, area="E"),
    }
    queries = [(f"funnel by {dimension}", lambda f, d=dimension: dashboard.funnel(d, f)) for dimension in DIMENSIONS]
    queries += [("weekly trend", dashboard.trend),
                ("representation (ethnic group)", lambda f: dashboard.representation_table(population, f))]
    rows = []
    for filter_name, filters in filter_sets.items():
        for name, query in queries:
            rows.append((name, filter_name, timed(lambda q=query, f=filters: q(f), repeat)))

    client = Client()
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="bench-manager").delete()
    verified_login(client, staff_user("bench-manager", SERVICE_MANAGERS))
    three_years = {"start": (today - datetime.timedelta(weeks=156)).isoformat(), "population": population.pk}
    for name, path in [("whole dashboard page", "/staff/equity/"), ("CSV export", "/staff/equity/equity.csv")]:
        rows.append((name, "3 years, with reference", timed(lambda p=path: fetch(client, p, three_years), repeat)))
    return rows


def fetch(client, path, params):
    response = client.get(path, params)
    assert response.status_code == 200, response.status_code


def timed(call, repeat):
    call()  # once to warm the caches, as a dashboard in use would be
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def print_table(setup, rows, opts):
    print(f"\nEquity dashboard on PostgreSQL: {setup['events']:,} journey events, {setup['journeys']:,} journeys, "
          f"{setup['profiles']:,} with markers")
    print(f"Generated in {setup['generated_s']:.0f} s; summary ({setup['summary_rows']:,} rows) counted in "
          f"{setup['summary_s']:.0f} s. Each query run {opts.repeat} times after one warm-up.\n")
    print(f"| {'query':<34} | {'filters':<24} | {'median ms':>9} | {'slowest ms':>10} | {'under 500 ms':<12} |")
    print(f"|{'-' * 36}|{'-' * 26}|{'-' * 11}|{'-' * 12}|{'-' * 14}|")
    for name, filters, (median, slowest) in rows:
        verdict = "yes" if slowest < TARGET_MS else "NO"
        print(f"| {name:<34} | {filters:<24} | {median:>9.1f} | {slowest:>10.1f} | {verdict:<12} |")
    worst = max(slowest for _name, _filters, (_median, slowest) in rows)
    print(f"\nSlowest of all: {worst:.1f} ms (target {TARGET_MS} ms): {'met' if worst < TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
