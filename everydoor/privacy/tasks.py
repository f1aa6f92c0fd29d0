from datetime import time

from django_tasks import task

from everydoor.health.daily import schedule_daily

from .retention import purge_expired_data

# Local time: the quietest hour, when nobody is in the middle of anything.
PURGE_AT = time(3, 0)


# Nobody waits on it: everything else in the queue goes first.
@task(priority=-20)
def purge_expired_data_daily():
    """Remove what is past its retention period, and come back tomorrow at 03:00. The next
    run is queued first, so a purge that fails does not stop the ones after it."""
    schedule_daily_purge()
    return purge_expired_data()


def schedule_daily_purge(now=None):
    """Queue the daily purge for the next 03:00, unless one is waiting already."""
    return schedule_daily(purge_expired_data_daily, PURGE_AT, now)
