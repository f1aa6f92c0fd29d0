from datetime import time

from django_tasks import task

from everydoor.health.daily import schedule_daily

from .summary import refresh_step_counts

# After the 03:00 purge, so the night's counts leave out what it removed.
RECOUNT_AT = time(4, 0)


@task(priority=-10)
def refresh_equity_summary():
    """Rebuild the dashboard's summary from the journey events (when a manager asks)."""
    return refresh_step_counts().events_counted


@task(priority=-10)
def refresh_equity_summary_daily():
    """The nightly recount; queues the next night's first."""
    schedule_daily_recount()
    return refresh_step_counts().events_counted


def schedule_daily_recount(now=None):
    return schedule_daily(refresh_equity_summary_daily, RECOUNT_AT, now)
