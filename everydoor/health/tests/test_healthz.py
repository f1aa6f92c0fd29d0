from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from everydoor.health.tasks import heartbeat

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database_and_the_task_queue_as_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"]["ok"] is True
    assert report["tasks"] == {
        "ok": True,
        "backend": "DatabaseBackend",
        "ready": 0,
        "running": 0,
        "failed": 0,
        "oldest_ready_seconds": None,
        "last_finished_at": None,
    }


def test_healthz_counts_tasks_waiting_for_a_worker(client):
    heartbeat.enqueue()
    heartbeat.enqueue()
    assert client.get("/healthz").json()["tasks"]["ready"] == 2


def test_healthz_reports_a_stalled_queue_as_degraded_but_still_serving(client):
    result = heartbeat.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["tasks"]["ok"] is False


@pytest.mark.django_db(transaction=True)  # the worker closes its connection after each task
def test_healthz_shows_when_a_worker_last_finished_a_task(client):
    heartbeat.enqueue()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    tasks = client.get("/healthz").json()["tasks"]
    assert tasks["ready"] == 0
    assert tasks["last_finished_at"] is not None


def test_healthz_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]
