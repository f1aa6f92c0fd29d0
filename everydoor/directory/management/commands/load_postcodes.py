from django.core.management.base import BaseCommand, CommandError

from ...postcodes import load_postcodes


class Command(BaseCommand):
    help = ("Load postcode coordinates from an ONS Postcode Directory CSV (pcds, lat, long) or a "
            "Code-Point Open CSV (postcode, quality, eastings, northings); search then ranks by distance.")

    def add_arguments(self, parser):
        parser.add_argument("csv_file")

    def handle(self, *args, csv_file, **options):
        try:
            count = load_postcodes(csv_file)
        except (OSError, ValueError, KeyError, IndexError) as problem:
            raise CommandError(f"Cannot load {csv_file}: {problem!r}") from problem
        self.stdout.write(f"{count} postcodes loaded")
