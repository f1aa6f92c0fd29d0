"""The second factor: a code from an authenticator app (TOTP, django-otp), asked for after
the password on every sign-in, for every staff page."""

from base64 import b32encode
from urllib.parse import quote

from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

# Pages a signed-in person reaches before their second factor: signing in and out, and
# this step itself (the Django and Wagtail admins' own sign-in pages included).
BEFORE_SECOND_FACTOR = ("/staff/login/", "/staff/logout/", "/staff/two-factor/", "/staff/admin/login/",
                        "/staff/admin/logout/", "/staff/cms/login/", "/staff/cms/logout/")


def second_factor_required(get_response):
    """Every staff page needs the second factor; the public site never does."""

    def middleware(request):
        user = request.user
        if (request.path.startswith("/staff/") and user.is_authenticated and not user.is_verified()
                and not request.path.startswith(BEFORE_SECOND_FACTOR)):
            return redirect(f"{reverse('staff-two-factor')}?next={quote(request.get_full_path())}")
        return get_response(request)

    return middleware


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def device_to_enrol(user):
    """The device a person is setting up: one, kept until confirmed, so reloading the page
    does not change the code their app was given."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret_for_typing(device):
    """The key in groups of four, for an app that cannot scan the picture."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start:start + 4] for start in range(0, len(secret), 4))


def check_code(device, code):
    """(accepted, seconds to wait): a wrong code makes the next try wait longer (django-otp's
    throttling), so codes cannot be guessed quickly."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return False, _seconds_left(details)
    code = "".join(code.split())
    return (code.isdigit() and device.verify_token(code)), 0


def _seconds_left(details):
    from django.utils import timezone

    locked_until = (details or {}).get("locked_until")
    return max(1, int((locked_until - timezone.now()).total_seconds())) if locked_until else 1
