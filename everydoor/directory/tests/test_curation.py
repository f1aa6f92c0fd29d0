import datetime

import pytest
from django.contrib.auth import get_user_model

from everydoor.directory.curation import ensure_directory_editors
from everydoor.directory.feed import import_services
from everydoor.directory.models import Service
from everydoor.directory.search import DirectoryQuery, search_directory
from everydoor.testing.staff import verified_login

from .helpers import demo_services, form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("dina", password="x", is_staff=True)
    user.groups.add(ensure_directory_editors())
    verified_login(client, user)
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


def test_an_editor_changes_a_service_and_search_follows(client, editor, directory):
    def found(**query):
        return [result.service.id for result in search_directory(DirectoryQuery(**query), "en")]

    assert "demo-service-2" not in found(language="sq")
    page = client.get("/staff/admin/directory/service/demo-service-2/change/")
    assert b"Women&#x27;s peer circle (demo)" in page.content
    values = form_values(page.content.decode())
    number = int(values["languages-TOTAL_FORMS"])
    values.update({"languages-TOTAL_FORMS": str(number + 1), f"languages-{number}-id": "demo-service-2-sq",
                   f"languages-{number}-code": "sq", f"languages-{number}-name": "Albanian"})
    saved = client.post("/staff/admin/directory/service/demo-service-2/change/", values)
    assert saved.status_code == 302, [str(e) for e in saved.context["errors"]] if saved.context else ""
    assert found(language="sq") == ["demo-service-2"]

    values = form_values(client.get("/staff/admin/directory/service/demo-service-2/change/").content.decode())
    values["status"] = Service.Status.TEMPORARILY_CLOSED
    assert client.post("/staff/admin/directory/service/demo-service-2/change/", values).status_code == 302
    assert "demo-service-2" not in found()


def test_staff_without_the_role_cannot_edit_the_directory(client, directory):
    outsider = get_user_model().objects.create_user("sam", password="x", is_staff=True)
    verified_login(client, outsider)
    assert client.get("/staff/admin/directory/service/").status_code == 403


def test_people_see_when_a_service_was_last_checked(client, directory):
    html = client.get("/en/services/", {"language": "ti"}).content.decode()
    checked = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()
    assert f"Details checked on \u2066{checked}\u2069" in html
