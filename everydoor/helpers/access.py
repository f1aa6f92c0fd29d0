from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils import translation

from everydoor.privacy.referrer import referrer_policy_for_forms

from .models import HelperProfile


def console_language(user):
    profile = HelperProfile.objects.filter(user=user).first()
    return profile.console_language if profile else "en"


def helpers_only(view):
    """Signed-in helpers and supervisors, in the language they chose for their console."""

    @login_required
    @referrer_policy_for_forms
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("helpers.work_caseload"):
            raise PermissionDenied
        with translation.override(console_language(request.user)):
            return view(request, *args, **kwargs)

    return wrapped
