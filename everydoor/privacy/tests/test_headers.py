import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db

PAGES = ["/", "/en/", "/ar/help-now/", "/ti/languages/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_allow_no_inline_code_and_nothing_from_other_sites(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_send_no_referrer(client):
    assert client.get("/en/")["Referrer-Policy"] == "no-referrer"


def test_pages_turn_off_device_features(client):
    policy = client.get("/en/")["Permissions-Policy"]
    for feature in ["camera", "microphone", "geolocation", "browsing-topics"]:
        assert f"{feature}=()" in policy


def test_pages_are_not_stored_on_a_shared_phone(client):
    assert client.get("/en/help-now/")["Cache-Control"] == "no-store"


def test_pages_cannot_be_framed(client):
    assert client.get("/en/")["X-Frame-Options"] == "DENY"


@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    LANGUAGE_COOKIE_SECURE=True,
)
def test_production_sends_hsts_and_only_secure_cookies(client):
    response = client.get("/fr/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["secure"]


@override_settings(SECURE_SSL_REDIRECT=True)
def test_production_sends_plain_http_to_https(client):
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_other_sites(client, path):
    page = client.get(path).content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    external = [
        url for url in sources
        if url.startswith(("http:", "https:", "//")) and url != settings.QUICK_EXIT_URL
    ]
    assert external == []


def test_production_settings_pass_djangos_deployment_checks():
    environment = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "EVERYDOOR_HTTPS": "1",
        "SECRET_KEY": "a-long-random-production-secret-" + "k9" * 20,
        "ALLOWED_HOSTS": "everydoor.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_without_a_secret_key_production_refuses_to_start():
    environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_pages_with_forms_keep_the_origin_for_csrf_but_tell_other_sites_nothing(client):
    assert client.get("/en/check/phq-9/")["Referrer-Policy"] == "same-origin"
