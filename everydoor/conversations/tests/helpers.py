from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def run_ready_tasks(limit=200):
    """Do what a worker does (db_worker), in this test's transaction: take each task that is
    ready from the database queue, highest priority first, run it, and record its result."""
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().order_by("-priority", "enqueued_at").first()
        if result is None:
            return ran
        result.claim("test-worker")
        try:
            value = result.task.call(*result.task_result.args, **result.task_result.kwargs)
        except Exception as error:  # recorded as a worker would, then raised for the test to see
            result.set_failed(error)
            raise
        result.set_successful(value)
        ran += 1
    raise AssertionError("tasks kept queueing more tasks")


def later(seconds):
    return timezone.now() + timezone.timedelta(seconds=seconds)
