from django.core.management.base import BaseCommand

from everydoor.equity.tasks import schedule_daily_recount
from everydoor.privacy.tasks import schedule_daily_purge


class Command(BaseCommand):
    help = ("Queue the nightly tasks (the purge of data past its retention period, then the equity "
            "dashboard's recount) unless they are queued already. bin/production's release step runs "
            "this; each task then queues itself every night.")

    def handle(self, *args, **options):
        for name, schedule in [("purge", schedule_daily_purge), ("equity recount", schedule_daily_recount)]:
            run_after = schedule()
            if run_after is None:
                self.stdout.write(f"The nightly {name} is queued already")
            else:
                self.stdout.write(f"The nightly {name} will next run at {run_after.isoformat()}")
