from django.core.management.base import BaseCommand

from ...index import refresh_search_entries
from ...models import SearchEntry


class Command(BaseCommand):
    help = ("Rebuild the directory's search entries from the Open Referral tables: needed only after "
            "the tables were written without Django (SQL, bulk loads).")

    def handle(self, *args, **options):
        refresh_search_entries()
        self.stdout.write(f"{SearchEntry.objects.count()} search entries rebuilt")
