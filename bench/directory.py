"""Directory search latency with 50,000 services on PostgreSQL.

Creates a throwaway database, migrates it, fills it with synthetic services spread over
England (each with a location, address, languages, a need, staff languages, costs and
opening times) and 2,000 postcodes, then times searches as people make them: a postcode
and a distance, often with a need, a language, "free" or "open now". Each search is timed
three times: the search alone (search_directory), the whole results page through Django's
test client in this process (middleware, form, search, template), and the same page over
HTTP from gunicorn started as bin/production starts it (one worker, so requests are timed
one at a time). Prints a table. Target (issue 6): p99 under 100 ms.

    .venv/bin/python bench/directory.py [--services 50000] [--searches 500]
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screening import fresh_database  # noqa: E402
from bench.serving import running_site  # noqa: E402

TARGET_P99_MS = 100
LANGUAGES = ["en", "ar", "fa", "prs", "ps", "ur", "ckb", "ti", "am", "so", "uk", "ru", "sq", "vi", "bn", "tr",
             "pl", "ro", "zh-hant", "fr"]
NEEDS = ["talking-therapy", "peer-support", "gp-access", "faith", "advice"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--searches", type=int, default=500)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="everydoor_bench_directory")
    return parser.parse_args()


def main():
    opts = options()
    with fresh_database(opts.server, opts.database) as database_url, tempfile.TemporaryDirectory() as workdir:
        os.environ.update({"DATABASE_URL": database_url, "DEBUG": "0", "SECRET_KEY": "bench-" + "b" * 50,
                           "EVERYDOOR_HTTPS": "0", "STATIC_ROOT": f"{workdir}/static",
                           "DJANGO_SETTINGS_MODULE": "everydoor.settings"})
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        started = time.perf_counter()
        postcodes = fill(opts.services)
        print(f"{opts.services} services generated in {time.perf_counter() - started:.0f} s")
        # One gunicorn worker as bin/production starts it, so requests are timed one at a time.
        with running_site(workdir, database_url, workers=1, role="web") as url:
            rows = measure(postcodes, opts.searches, url)
        from django.db import connections

        connections.close_all()
    print_table(rows, opts.services)


def fill(count, seed=7):
    from django.db import connection

    from everydoor.directory import models as m
    from everydoor.directory.index import refresh_search_entries

    rng = random.Random(seed)
    terms = [m.TaxonomyTerm(id=f"everydoor-need-{need}", name=need, description=need, taxonomy="everydoor-needs")
             for need in NEEDS]
    terms.append(m.TaxonomyTerm(id="everydoor-access-staff-language", name="Staff speak", description="code",
                                taxonomy="everydoor-access"))
    m.TaxonomyTerm.objects.bulk_create(terms)
    organizations = [m.Organization(id=f"org-{n}", name=f"Organisation {n}", description="Synthetic")
                     for n in range(count // 10)]
    m.Organization.objects.bulk_create(organizations, batch_size=5000)
    batch = {name: [] for name in ["service", "location", "address", "at", "language", "attribute", "cost",
                                   "schedule"]}
    for n in range(count):
        latitude, longitude = rng.uniform(50.6, 54.8), rng.uniform(-3.2, 0.6)
        sid, lid = f"service-{n}", f"location-{n}"
        batch["service"].append(m.Service(
            id=sid, organization_id=f"org-{n // 10}", name=f"Service {n}", description="Synthetic service",
            status="active" if rng.random() < 0.95 else "inactive", minimum_age=rng.choice([None, 16, 18]),
            assured_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(300))))
        batch["location"].append(m.Location(id=lid, location_type="physical", name=f"Place {n}",
                                            latitude=latitude, longitude=longitude))
        batch["address"].append(m.Address(id=f"address-{n}", location_id=lid, address_1=f"{n} Street",
                                          city="Town", state_province="England", postal_code="E15 4QR",
                                          country="GB", address_type="physical", postcode_district="E15"))
        batch["at"].append(m.ServiceAtLocation(id=f"at-{n}", service_id=sid, location_id=lid))
        for code in rng.sample(LANGUAGES, 3):
            batch["language"].append(m.Language(id=f"language-{n}-{code}", service_id=sid, code=code, name=code))
        batch["attribute"].append(m.Attribute(id=f"need-{n}", service_id=sid,
                                              taxonomy_term_id=f"everydoor-need-{rng.choice(NEEDS)}"))
        batch["attribute"].append(m.Attribute(id=f"staff-{n}", service_id=sid, value=rng.choice(LANGUAGES),
                                              taxonomy_term_id="everydoor-access-staff-language"))
        free = rng.random() < 0.7
        batch["cost"].append(m.CostOption(id=f"cost-{n}", service_id=sid, option="Free" if free else "Fee",
                                          amount=0 if free else 10, currency="GBP"))
        days = ",".join(sorted(rng.sample(DAYS, rng.randint(1, 5)), key=DAYS.index))
        batch["schedule"].append(m.Schedule(id=f"schedule-{n}", service_id=sid, freq="WEEKLY", byday=days,
                                            opens_at=datetime.time(rng.randint(8, 12)),
                                            closes_at=datetime.time(rng.randint(13, 20))))
    for name, model in [("service", m.Service), ("location", m.Location), ("address", m.Address),
                        ("at", m.ServiceAtLocation), ("language", m.Language), ("attribute", m.Attribute),
                        ("cost", m.CostOption), ("schedule", m.Schedule)]:
        model.objects.bulk_create(batch[name], batch_size=5000)
    refresh_search_entries()  # bulk_create sends no signals
    codes = [f"{chr(65 + n // 260 % 26)}{chr(65 + n // 10 % 26)}{n % 10}{n % 7}AB" for n in range(2000)]
    postcodes = [m.Postcode(postcode=code, latitude=rng.uniform(50.8, 54.6), longitude=rng.uniform(-3.0, 0.4))
                 for code in codes]
    m.Postcode.objects.bulk_create(postcodes)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return [postcode.postcode for postcode in postcodes]


def random_search(rng, postcodes):
    return {
        "postcode": rng.choice(postcodes),
        "within_km": rng.choice([5, 10, 20]),
        "need": rng.choice(["", ""] + [f"everydoor-need-{need}" for need in NEEDS]),
        "language": rng.choice(["", ""] + LANGUAGES),
        "free_only": rng.random() < 0.3,
        "open_now": rng.random() < 0.2,
    }


def measure(postcodes, searches, url, seed=11, warm_up=20):
    import gc
    import urllib.parse
    import urllib.request

    from django.test import Client

    from everydoor.directory.search import DirectoryQuery, search_directory

    rng = random.Random(seed)
    plan = [random_search(rng, postcodes) for _ in range(searches + warm_up)]
    client = Client(HTTP_HOST="127.0.0.1")
    times = {"search_directory": [], "results page (Django)": [], "results page (gunicorn)": []}
    counts = []
    for number, params in enumerate(plan):
        if number == warm_up:
            # What this process has loaded by now lives as long as it does. A server freezes
            # it out of Python's full garbage collections (everydoor/wsgi.py, at start-up);
            # the gunicorn row shows the server as it really runs.
            gc.collect()
            gc.freeze()
        started = time.perf_counter()
        results = search_directory(DirectoryQuery(**params), "ar")
        search_elapsed = time.perf_counter() - started
        query = {key: ("on" if value is True else value) for key, value in params.items() if value not in ("", False)}
        started = time.perf_counter()
        response = client.get("/ar/services/", query)
        page_elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        started = time.perf_counter()
        with urllib.request.urlopen(f"{url}/ar/services/?{urllib.parse.urlencode(query)}") as served:
            body = served.read()
        served_elapsed = time.perf_counter() - started
        assert served.status == 200 and body.count(b'class="service-result"') == len(results)
        if number >= warm_up:  # the first searches warm the connections and caches
            times["search_directory"].append(search_elapsed * 1000)
            times["results page (Django)"].append(page_elapsed * 1000)
            times["results page (gunicorn)"].append(served_elapsed * 1000)
            counts.append(len(results))
    return [(name, values, counts) for name, values in times.items()]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def print_table(rows, services):
    print(f"\n{services} services, PostgreSQL; {len(rows[0][1])} searches, each a postcode and a distance with "
          "random need, language, free and open-now filters")
    header = ["p50 ms", "p95 ms", "p99 ms", "max ms"]
    print(f"{'measured':<24} " + " ".join(f"{name:>7}" for name in header) + f" {'mean results':>13} {'target':>8}")
    for name, times, counts in rows:
        p99 = percentile(times, 0.99)
        print(f"{name:<24} {percentile(times, 0.5):>7.1f} {percentile(times, 0.95):>7.1f} {p99:>7.1f} "
              f"{max(times):>7.1f} {statistics.mean(counts):>13.1f} {'met' if p99 < TARGET_P99_MS else 'MISSED':>8}")


if __name__ == "__main__":
    main()
