import json
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...feed import import_services

MAX_PAGES = 10_000


class Command(BaseCommand):
    help = ("Import services from an Open Referral UK feed: a JSON file (a list of services, "
            "{\"services\": [...]}, or an API page with \"contents\"), or an API's base URL, read page by page. "
            "Each service is imported whole or not at all; every rejected record is reported.")

    def add_arguments(self, parser):
        parser.add_argument("source", help="A .json file, or https://… base URL of an Open Referral UK API")
        parser.add_argument("--per-page", type=int, default=100, help="Services per page when reading an API")

    def handle(self, *args, source, per_page=100, **options):
        if source.startswith(("http://", "https://")):
            documents = _from_url(source, per_page)
        else:
            documents = _from_file(Path(source))
        report = import_services(documents)
        self.stdout.write(f"{len(report.imported)} service(s) imported, {len(report.rejected)} rejected")
        for position, record_id, reasons in report.rejected:
            self.stdout.write(f"  record {position + 1} ({record_id or 'no id'}):")
            for reason in reasons:
                self.stdout.write(f"    {reason}")
        if report.rejected:
            raise CommandError(f"{len(report.rejected)} record(s) rejected; the others were imported")


def services_in(data):
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("services", "contents"):
            if isinstance(data.get(key), list):
                return data[key]
    raise CommandError("This is not an Open Referral UK feed: expected a list of services")


def _from_file(path):
    try:
        return services_in(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise CommandError(f"Cannot read {path}: {problem}") from problem


def _from_url(base, per_page):
    documents, page = [], 1
    while page <= MAX_PAGES:
        address = f"{base.rstrip('/')}/services?page={page}&per_page={per_page}"
        with urllib.request.urlopen(address, timeout=60) as reply:
            envelope = json.load(reply)
        documents += services_in(envelope)
        if envelope.get("last_page", True):
            return documents
        page += 1
    raise CommandError("The feed did not end")
