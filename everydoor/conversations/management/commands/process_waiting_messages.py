from django.core.management.base import BaseCommand

from ...inbound import process_waiting_messages


class Command(BaseCommand):
    help = ("Process messages stored but still unprocessed a while after they arrived (their worker died "
            "mid-task). bin/production's worker runs this every minute; safe beside running workers.")

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=60, help="seconds since arrival (default 60)")

    def handle(self, *args, older_than, **options):
        count = process_waiting_messages(older_than_seconds=older_than)
        self.stdout.write(f"{count} waiting message(s) processed")
