from django.core.management.base import BaseCommand

from ...retention import purge_expired_data, retention_rules


class Command(BaseCommand):
    help = ("Remove every kind of data that is past its retention period (privacy/retention.py), as the "
            "nightly task does, and print how many rows each rule removed.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count what would be removed; remove nothing")

    def handle(self, *args, dry_run, **options):
        counts = purge_expired_data(dry_run=dry_run)
        periods = {rule.name: rule.keep_for.days for rule in retention_rules()}
        width = max(len(name) for name in counts)
        heading = "would remove" if dry_run else "removed"
        self.stdout.write(f"{'rule':<{width}}  {'kept for':>10}  {heading:>12}")
        for name, count in counts.items():
            self.stdout.write(f"{name:<{width}}  {periods[name]:>5} days  {count:>12}")
        if dry_run:
            self.stdout.write("Dry run: nothing was removed.")
