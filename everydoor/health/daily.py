"""Tasks that run once a night: each queues its next run, and a deployment queues the first.
The worker keeps them going without cron, as with every other background task."""

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def next_time(at, now):
    """The first `at` (a local time of day) after `now`."""
    today = timezone.localtime(now).date()
    for day in (today, today + timedelta(days=1)):
        moment = timezone.make_aware(datetime.combine(day, at))
        if moment > now:
            return moment


def schedule_daily(task, at, now=None):
    """Queue `task` for the next `at`, unless a run is waiting already (the release step and
    the task itself both call this). Returns when it will run, or None if already queued."""
    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
    if waiting.exists():
        return None
    run_after = next_time(at, now or timezone.now())
    task.using(run_after=run_after).enqueue()
    return run_after
