"""The service worker's script, served at /sw.js (see views.service_worker)."""

from pathlib import Path

SERVICE_WORKER = (Path(__file__).parent / "service-worker.js").read_text(encoding="utf-8")
