"""A deployment enters its services and their staff in the staff admin."""

import pytest
from django.contrib.auth import get_user_model

from everydoor.referrals.models import Service
from everydoor.testing.staff import verified_login

from .helpers import PASSWORD, create_service, create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client):
    get_user_model().objects.create_superuser("admin", password=PASSWORD)
    verified_login(client, get_user_model().objects.get(username="admin"))
    return client


def test_an_administrator_adds_a_service_with_its_rules_and_staff(administrator):
    staff = create_user("tigist")
    response = administrator.post("/staff/admin/referrals/service/add/", {
        "name": "Hillside Talking Therapies", "catchment_districts": '["N1", "N7"]', "min_age": "16",
        "max_age": "", "staff_languages": '["ti", "am"]', "books_interpreters": "on", "delivery": "inbox",
        "intake_email": "", "intake_webhook_url": "", "webhook_secret": "", "staff": [str(staff.pk)],
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    service = Service.objects.get()
    assert (service.catchment_districts, service.min_age, service.staff_languages) == (["N1", "N7"], 16, ["ti", "am"])
    assert list(service.staff.all()) == [staff]


def test_admin_pages_send_a_referrer_policy_that_lets_their_forms_post(administrator):
    create_service()
    assert administrator.get("/staff/admin/referrals/service/")["Referrer-Policy"] == "same-origin"
    assert administrator.__class__().get("/staff/admin/login/")["Referrer-Policy"] == "same-origin"


def test_the_audit_log_cannot_be_edited_in_the_admin(administrator):
    assert administrator.get("/staff/admin/privacy/auditevent/add/").status_code == 403


def test_service_staff_cannot_open_the_admin(client):
    create_user("riverside", service=create_service())
    verified_login(client, get_user_model().objects.get(username="riverside"))
    assert client.get("/staff/admin/referrals/service/").status_code == 302
