"""Staff sign-in: password (locked out after repeated failures, django-axes), then the
second factor; and the staff home, which takes each role to its work."""

import segno
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_safe
from django_otp import login as otp_login

from everydoor.privacy.referrer import referrer_policy_for_forms
from everydoor.referrals.staff_views import in_english

from .forms import CodeForm
from .two_factor import check_code, confirmed_device, device_to_enrol, secret_for_typing
from .work import first_page_for


class SignIn(LoginView):
    template_name = "accounts/sign_in.html"

    def get_success_url(self):
        # The password was right; the second factor comes next, then where they were going.
        return f"{reverse('staff-two-factor')}?next={self.get_redirect_url() or reverse('staff-home')}"


sign_in = referrer_policy_for_forms(in_english(SignIn.as_view()))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@referrer_policy_for_forms
@in_english
def two_factor(request):
    next_page = request.POST.get("next") or request.GET.get("next") or reverse("staff-home")
    if not url_has_allowed_host_and_scheme(next_page, allowed_hosts={request.get_host()}):
        next_page = reverse("staff-home")
    if request.user.is_verified():
        return redirect(next_page)
    device = confirmed_device(request.user)
    enrolling = device is None
    if enrolling:
        device = device_to_enrol(request.user)
    form = CodeForm(request.POST or None)
    wait = 0
    if request.method == "POST" and form.is_valid():
        accepted, wait = check_code(device, form.cleaned_data["code"])
        if accepted:
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(next_page)
        form.add_error("code", f"Too many wrong codes: wait {wait} seconds, then type the code showing now."
                       if wait else "That code did not work. Codes change every 30 seconds: type the one "
                                    "showing now.")
    return render(request, "accounts/two_factor.html", {
        "form": form, "enrolling": enrolling, "next": next_page,
        "secret": secret_for_typing(device) if enrolling else None,
    }, status=400 if form.errors else 200)


@require_safe
@login_required
def enrolment_picture(request):
    """The QR code an authenticator app scans; only while the device is not yet confirmed."""
    if confirmed_device(request.user) is not None:
        raise PermissionDenied
    picture = segno.make(device_to_enrol(request.user).config_url, error="m").svg_inline(scale=5, border=2)
    response = HttpResponse(picture, content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@login_required
def staff_home(request):
    page = first_page_for(request.user)
    if page is None:
        return render(request, "accounts/no_role.html", status=403)
    return redirect(page)
