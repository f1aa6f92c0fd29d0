"""Fixtures shared by every app's tests: collected static files, a live server that
serves them the way production does, a real Chromium driven by Playwright, and no
questionnaire kept in memory from one test to the next."""

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread

from everydoor.screening.instruments import forget_loaded_instruments

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(autouse=True)
def fresh_questionnaires():
    """A test's imported questionnaires vanish with its rolled-back transaction; so must
    the copies that load_instrument keeps in memory."""
    forget_loaded_instruments()
    yield
    forget_loaded_instruments()


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    """Staff personas sign in in many tests; a slow hasher would be most of their time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def collected_static(django_db_blocker):
    """Templates use the hashed, compressed files that production serves."""
    call_command("collectstatic", interactive=False, verbosity=0)


def _served_by_the_app(application):
    # Django's live server normally serves /static/ itself, uncompressed; we let
    # WhiteNoise serve it, so page-weight tests measure what a phone really receives.
    return application


class SiteServer:
    def __init__(self):
        in_memory = {
            alias: connections[alias]
            for alias in connections
            if connections[alias].vendor == "sqlite" and connections[alias].is_in_memory_db()
        }
        # The server thread shares the test thread's in-memory SQLite database.
        for connection in in_memory.values():
            connection.inc_thread_sharing()
        self.in_memory = in_memory
        self.thread = LiveServerThread(
            "127.0.0.1", static_handler=_served_by_the_app, connections_override=in_memory
        )
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://127.0.0.1:{self.thread.port}"

    def stop(self):
        self.thread.terminate()
        for connection in self.in_memory.values():
            connection.dec_thread_sharing()


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        server = SiteServer()
    yield server
    server.stop()


@pytest.fixture
def site(site_server, transactional_db):
    """The base URL of a running EveryDoor, with the test database behind it."""
    return site_server.url


@pytest.fixture
def site_for_reading(site_server, django_db_blocker):
    """The running site, for tests that only read public pages. Reading writes nothing, so
    there is no database flush afterwards (on PostgreSQL, most of such a test's time);
    the fixture fails the test if a page did write. The starter guides are there in every
    language (loaded again only after a test that flushed the database)."""
    with django_db_blocker.unblock():
        ensure_reading_content()
        before = _row_counts()
        yield site_server.url
        assert _row_counts() == before, "a page that should only be read wrote to the database"


def ensure_reading_content():
    """The starter guides in every language, and the made-up directory with one postcode."""
    from everydoor.content.models import GuidePage
    from everydoor.content.starter import load_starter_content
    from everydoor.directory.feed import import_services
    from everydoor.directory.models import Postcode, Service
    from everydoor.directory.tests.helpers import demo_services

    if not GuidePage.objects.filter(locale__language_code="fr", live=True).exists():
        load_starter_content()
    if not Service.objects.exists():
        import_services(demo_services())
        Postcode.objects.create(postcode="E154QR", latitude=51.5410, longitude=-0.0050)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the starter guides in every language, as a deployment
    does. pytest-django runs rolled-back tests first, so they all find them there. Their
    read-aloud requests are cleared, so that audio tests start from nothing."""
    from django_tasks_db.models import DBTaskResult

    from everydoor.readaloud.models import Recording

    with django_db_blocker.unblock():
        ensure_reading_content()
        Recording.objects.all().delete()
        DBTaskResult.objects.all().delete()


@pytest.fixture
def starter_content(db, django_capture_on_commit_callbacks):
    """The starter guides in English, Arabic and Tigrinya at least. After a test that emptied
    the database they are loaded again; wagtail-localize publishes a translation when its
    transaction commits, which inside a test's transaction we make happen at once."""
    from everydoor.content.models import GuidePage
    from everydoor.content.starter import load_starter_content

    if not GuidePage.objects.filter(locale__language_code="ti", live=True).exists():
        with django_capture_on_commit_callbacks(execute=True):
            load_starter_content(["ar", "ti"])


def _row_counts():
    """Every table's row count, in one query: with Wagtail's tables there are over a hundred."""
    connection = connections["default"]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        cursor.execute(" UNION ALL ".join(
            f"SELECT '{table}', COUNT(*) FROM {connection.ops.quote_name(table)}" for table in tables
        ))
        return dict(cursor.fetchall())


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (no cookies, no cache), closed after the test."""
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
