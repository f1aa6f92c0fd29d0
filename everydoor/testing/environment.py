"""Loaded by pytest before Django (see pyproject's addopts) to set the test environment.

Tests talk plain http to 127.0.0.1, so HTTPS enforcement is off; everything else keeps
its production default, so tests see the headers and cookies production sends.
"""

import os

os.environ.setdefault("EVERYDOOR_HTTPS", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-" + "t" * 40)
# The live server answers each request in a new thread; a persistent connection there would
# outlive the thread and keep PostgreSQL from dropping the test database at the end.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "0")
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to
# run where a loop is running unless told this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
