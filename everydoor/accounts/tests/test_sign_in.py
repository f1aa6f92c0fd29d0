"""Signing in: password, then a code from an authenticator app, for every staff page;
lockout after repeated wrong passwords; each role lands on its work."""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from everydoor.accounts.roles import ADMINISTRATORS, HELPERS, PERMISSIONS, SERVICE_MANAGERS, SUPERVISORS
from everydoor.directory.curation import DIRECTORY_EDITORS
from everydoor.testing.staff import PASSWORD, authenticator, current_code, staff_user, verified_login

pytestmark = pytest.mark.django_db


def password_step(client, username="hana", password=PASSWORD, **extra):
    return client.post("/staff/login/", {"username": username, "password": password}, **extra)


def code_for_enrolment(page):
    """What a person's app would show after they typed the key on the enrolment page."""
    secret = re.search(r'<strong class="secret" dir="ltr">([A-Z2-7 ]+)</strong>', page.content.decode()).group(1)
    device = TOTPDevice.objects.get(confirmed=False)
    assert secret.replace(" ", "") == __import__("base64").b32encode(device.bin_key).decode()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_the_first_sign_in_sets_up_the_authenticator_app(client):
    staff_user("hana", HELPERS)
    response = password_step(client)
    assert response["Location"] == "/staff/two-factor/?next=/staff/"
    page = client.get(response["Location"])
    assert b"Set up your second step" in page.content
    picture = client.get("/staff/two-factor/app.svg")
    assert picture["Content-Type"] == "image/svg+xml" and b"<svg" in picture.content
    code = code_for_enrolment(page)
    wrong = client.post("/staff/two-factor/", {"code": "000000" if code != "000000" else "111111", "next": "/staff/"})
    assert wrong.status_code == 400 and b"That code did not work" in wrong.content
    assert client.get("/staff/cases/")["Location"].startswith("/staff/two-factor/")  # still only one step done
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    done = client.post("/staff/two-factor/", {"code": code, "next": "/staff/"})
    assert done["Location"] == "/staff/"
    assert TOTPDevice.objects.get().confirmed
    assert client.get("/staff/")["Location"] == "/staff/cases/"
    assert client.get("/staff/cases/").status_code == 200
    assert client.get("/staff/two-factor/app.svg").status_code == 403  # the key is not shown again


def test_later_sign_ins_ask_for_the_code_only(client):
    device = authenticator(staff_user("hana", HELPERS))
    page = client.get(password_step(client)["Location"])
    assert b"Your code" in page.content and b"secret" not in page.content
    response = client.post("/staff/two-factor/", {"code": current_code(device), "next": "/staff/cases/"})
    assert response["Location"] == "/staff/cases/"


@pytest.mark.parametrize("path", ["/staff/", "/staff/cases/", "/staff/referrals/", "/staff/admin/", "/staff/cms/"])
def test_every_staff_page_needs_the_second_step(client, path):
    user = staff_user("hana", HELPERS, DIRECTORY_EDITORS)
    client.force_login(user)  # the password alone
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/staff/two-factor/?next=")


def test_the_public_site_never_asks_for_it(client):
    client.force_login(staff_user("hana", HELPERS))
    assert client.get("/en/").status_code == 200


def test_wrong_codes_make_the_next_try_wait(client):
    device = authenticator(staff_user("hana", HELPERS))
    password_step(client)
    for _ in range(3):
        client.post("/staff/two-factor/", {"code": "999999" if current_code(device) != "999999" else "888888"})
    response = client.post("/staff/two-factor/", {"code": current_code(device)})
    assert response.status_code == 400 and b"Too many wrong codes: wait" in response.content


def test_a_code_from_somewhere_else_is_not_taken_as_a_page_to_go_to(client):
    device = authenticator(staff_user("hana", HELPERS))
    password_step(client)
    response = client.post("/staff/two-factor/", {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/staff/"


def test_five_wrong_passwords_pause_signing_in_from_there(client):
    staff_user("hana", HELPERS)
    for _ in range(4):
        assert password_step(client, password="wrong").status_code == 200
    locked = password_step(client, password="wrong")
    assert locked.status_code == 429 and b"Signing in is paused" in locked.content
    assert password_step(client).status_code == 429  # even the right password, for now
    elsewhere = password_step(client, REMOTE_ADDR="192.0.2.9")
    assert elsewhere.status_code == 302  # the same person, from another place


def test_behind_our_proxy_the_address_it_saw_counts(client):
    staff_user("hana", HELPERS)
    through_proxy = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for _ in range(5):
        password_step(client, password="wrong", **through_proxy)
    assert password_step(client, **through_proxy).status_code == 429
    other_person = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    assert password_step(client, **other_person).status_code == 302
    # Someone not behind our proxy cannot choose their address by writing the header.
    forged = {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}
    for _ in range(5):
        password_step(client, password="wrong", **forged)
    assert password_step(client, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.10").status_code == 429


def test_someone_with_no_role_is_told_so(client):
    verified_login(client, staff_user("hana"))
    response = client.get("/staff/")
    assert response.status_code == 403 and b"No role yet" in response.content


def test_the_roles_exist_with_exactly_their_permissions():
    for role, permissions in PERMISSIONS.items():
        group = Group.objects.get(name=role)
        assert {(p.content_type.app_label, p.codename) for p in group.permissions.all()} == set(permissions)


def test_staff_admin_access_follows_the_roles():
    person = staff_user("hana", HELPERS)
    assert not person.is_staff
    person.groups.add(Group.objects.get(name=SERVICE_MANAGERS))
    person.refresh_from_db()
    assert person.is_staff
    person.groups.remove(Group.objects.get(name=SERVICE_MANAGERS))
    person.refresh_from_db()
    assert not person.is_staff
    for role in [DIRECTORY_EDITORS, ADMINISTRATORS]:
        assert staff_user(f"someone-{role}", role).is_staff
    assert not staff_user("supervisor", SUPERVISORS).is_staff
