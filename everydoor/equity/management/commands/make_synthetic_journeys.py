import time

from django.core.management.base import BaseCommand

from everydoor.equity.models import JourneyEvent
from everydoor.equity.summary import refresh_step_counts
from everydoor.equity.synthetic import make_synthetic_journeys


class Command(BaseCommand):
    help = ("Add made-up journey events and equity markers (for trying the dashboard at scale and for "
            "bench/equity.py), then recount the dashboard's summary. Never on a live service's database.")

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=10_000_000)
        parser.add_argument("--seed", type=int, default=2021)
        parser.add_argument("--weeks", type=int, default=156, help="How far back the journeys go")
        parser.add_argument("--if-empty", action="store_true",
                            help="Only when there are no journey events yet (the demo)")

    def handle(self, *args, events, seed, weeks, if_empty, **options):
        if if_empty and JourneyEvent.objects.exists():
            return
        started = time.perf_counter()
        journeys, added, profiles = make_synthetic_journeys(
            events, seed=seed, weeks=weeks,
            report=lambda done: self.stdout.write(f"  {done:,} events so far") if options["verbosity"] > 1 else None)
        made = time.perf_counter() - started
        refresh = refresh_step_counts()
        if options["verbosity"]:
            self.stdout.write(f"Added {added:,} events for {journeys:,} journeys ({profiles:,} with markers) "
                              f"in {made:.0f} s; summary recounted in {refresh.seconds_taken:.0f} s.")
