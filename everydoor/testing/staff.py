"""Staff in tests: roles, and signing in with the second factor.

Tests about signing in go through the real pages (accounts/tests). Other tests start
signed in: `verified_login` records a confirmed authenticator device in the session, as
django_otp.login does after a right code."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a long pass phrase for tests"


def staff_user(username, *roles, **fields):
    user = get_user_model().objects.create_user(username, password=PASSWORD, **fields)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


def authenticator(user):
    """The person's confirmed authenticator app (made for them if they have none)."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=True,
                                                        defaults={"name": "Phone used in tests"})
    return device


def current_code(device):
    """The code the person's app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def verified_login(client, user):
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()
    return user


def sign_in_in_a_browser(page, site, user, path="/staff/"):
    """Through the real sign-in pages, as a person would: password, then the app's code."""
    device = authenticator(user)
    page.goto(site + path)
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.fill("#id_code", current_code(device))  # the second step: the app's code
    page.click("main form button[type=submit]")
