import datetime

import pytest
from django.contrib.auth import get_user_model

from everydoor.directory.curation import ensure_directory_editors
from everydoor.directory.feed import import_services
from everydoor.directory.models import Service

from .helpers import demo_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("dina", password="x", is_staff=True)
    user.groups.add(ensure_directory_editors())
    client.force_login(user)
    return user


@pytest.fixture
def directory():
    services = demo_services()
    services[0]["assured_date"] = (datetime.date.today() - datetime.timedelta(days=200)).isoformat()
    services[1]["assured_date"] = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()
    del services[2]["assured_date"]
    import_services(services[:3])


def test_services_not_checked_for_six_months_are_flagged_to_editors(client, editor, directory):
    html = client.get("/staff/admin/directory/service/", {"checking": "due"}).content.decode()
    assert "Riverside Talking Therapies (demo)" in html
    assert "GP registration advice line (demo)" in html  # never checked
    assert "Women&#x27;s peer circle (demo)" not in html


def test_an_editor_marks_a_service_as_checked_today(client, editor, directory):
    client.post("/staff/admin/directory/service/", {"action": "checked_today", "_selected_action": ["demo-service-1"]})
    assert Service.objects.get(pk="demo-service-1").assured_date == datetime.date.today()


def test_an_editor_changes_a_service(client, editor, directory):
    page = client.get("/staff/admin/directory/service/demo-service-2/change/")
    assert page.status_code == 200
    assert b"Women&#x27;s peer circle (demo)" in page.content


def test_staff_without_the_role_cannot_edit_the_directory(client, directory):
    outsider = get_user_model().objects.create_user("sam", password="x", is_staff=True)
    client.force_login(outsider)
    assert client.get("/staff/admin/directory/service/").status_code == 403


def test_people_see_when_a_service_was_last_checked(client, directory):
    html = client.get("/en/services/", {"language": "ti"}).content.decode()
    checked = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()
    assert f"Details checked on \u2066{checked}\u2069" in html
