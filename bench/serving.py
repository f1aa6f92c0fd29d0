"""Start EveryDoor the way production runs it (bin/production: gunicorn, WhiteNoise and a
task worker), on a free local port, for the benchmark scripts."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_site(workdir, database_url, workers=None, role="all"):
    """Yield the site's base URL; stop gunicorn and the worker afterwards. Without
    `workers`, gunicorn runs as many as bin/production would. `role` is bin/production's
    argument: "web" serves an already migrated database with no task worker beside it."""
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": database_url,
                   "BIND": f"127.0.0.1:{port}", "DEBUG": "0",
                   "EVERYDOOR_HTTPS": "0", "SECRET_KEY": "bench-" + "b" * 50,
                   "STATIC_ROOT": f"{workdir}/static", "PYTHON": sys.executable}
    if workers:
        environment["WEB_CONCURRENCY"] = str(workers)
    process = subprocess.Popen([str(ROOT / "bin" / "production"), role], env=environment,
                               start_new_session=True, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url + "/healthz")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _wait_for(url):
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("EveryDoor did not start")
