"""What /healthz reports: can we reach the database, and is the task queue moving?"""

from datetime import timedelta

from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks import task_backends

# A task waiting longer than this means no worker is taking tasks.
STALLED_AFTER = timedelta(minutes=5)


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"ok": False, "vendor": connection.vendor, "error": error.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor}


def task_queue_status():
    backend = task_backends["default"]
    status = {"ok": True, "backend": type(backend).__name__}
    if status["backend"] != "DatabaseBackend":
        return status
    from django_tasks_db.models import DBTaskResult

    try:
        status.update(_database_queue_figures(DBTaskResult.objects))
    except DatabaseError as error:
        return {**status, "ok": False, "error": error.__class__.__name__}
    oldest = status["oldest_ready_seconds"]
    status["ok"] = oldest is None or oldest < STALLED_AFTER.total_seconds()
    return status


def _database_queue_figures(results):
    now = timezone.now()
    oldest_ready = results.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    last_finished = results.finished().order_by("-finished_at").values_list("finished_at", flat=True).first()
    return {
        "ready": results.ready().count(),
        "running": results.running().count(),
        "failed": results.failed().count(),
        "oldest_ready_seconds": round((now - oldest_ready).total_seconds()) if oldest_ready else None,
        "last_finished_at": last_finished.isoformat() if last_finished else None,
    }


def overall_status():
    database = database_status()
    tasks = task_queue_status() if database["ok"] else {"ok": False, "error": "database unavailable"}
    if not database["ok"]:
        state = "down"
    elif not tasks["ok"]:
        state = "degraded"
    else:
        state = "ok"
    return {"status": state, "database": database, "tasks": tasks}
