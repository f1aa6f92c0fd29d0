"""The documented production command really serves the site and runs background tasks."""

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

PRODUCTION = settings.BASE_DIR / "bin" / "production"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url(tmp_path):
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return f"sqlite:///{tmp_path / 'production.sqlite3'}"


def _get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, dict(response.headers), response.read()


def _wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture
def starter_content_on_release():
    """Loading every language's starter guides makes a release some 20 seconds slower and
    leaves the worker a backlog, so only the test that looks at a guide asks for it."""
    return "0"


@pytest.fixture
def production(tmp_path, transactional_db, starter_content_on_release):
    port = _free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": _database_url(tmp_path),
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PYTHON": sys.executable,
        "STARTER_CONTENT": starter_content_on_release,
        # Phone-menu recordings would also leave the worker a backlog of hundreds of tasks.
        "VOICE_AUDIO": "0",
    }
    process = subprocess.Popen(
        [str(PRODUCTION)], env=environment, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    # A release that publishes the starter guides in 20 languages takes a minute or more.
    patience = 90 if starter_content_on_release == "0" else 300
    ready = _wait_for(lambda: _get(f"{base}/healthz")[0] == 200, seconds=patience)
    yield base, environment, ready, process
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


@pytest.mark.parametrize("starter_content_on_release", ["1"])
def test_the_production_command_publishes_the_starter_guides_and_serves_pages_compressed(production):
    base, _environment, ready, process = production
    assert ready, process.stdout.read1().decode() if process.poll() is not None else "no answer"
    status, headers, body = _get(f"{base}/ti/guides/urgent-help/", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b'href="tel:999"' in gzip.decompress(body)


def test_the_production_command_serves_static_files_through_whitenoise(production):
    base, _environment, ready, _process = production
    assert ready
    _status, _headers, page = _get(f"{base}/en/")
    stylesheet = page.decode().split('rel="stylesheet" href="')[1].split('"')[0]
    status, headers, _body = _get(f"{base}{stylesheet}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_the_production_command_runs_a_worker_that_takes_tasks(production):
    base, environment, ready, _process = production
    assert ready
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from everydoor.health.tasks import heartbeat; heartbeat.enqueue()"],
        cwd=settings.BASE_DIR, env=environment, check=True, capture_output=True,
    )

    def task_finished():
        report = json.loads(_get(f"{base}/healthz")[2])
        return report["tasks"]["last_finished_at"] is not None and report["tasks"]["ready"] == 0

    assert _wait_for(task_finished, seconds=30)
