"""Assisted mode: a helper, signed in, fills in a questionnaire or a referral on the public
pages with the person beside them, or keys in a paper form. The public pages stay the same;
what is entered is recorded as assisted (or paper) and by whom."""

from .models import AssistedEntry

SESSION_KEY = "assisting"


def start_assisting(request, mode):
    request.session[SESSION_KEY] = {"helper": request.user.pk, "mode": mode}


def stop_assisting(request):
    request.session.pop(SESSION_KEY, None)


def assisting(request):
    """The mode ("assisted" or "paper") if a signed-in helper is assisting in this browser."""
    session = getattr(request, "session", None)  # none on an error page that failed early
    held = session.get(SESSION_KEY) if session is not None else None
    user = getattr(request, "user", None)
    if not held or user is None or not user.is_authenticated or held.get("helper") != user.pk:
        return None
    if not user.has_perm("helpers.work_caseload"):
        return None
    return held.get("mode") if held.get("mode") in AssistedEntry.Mode.values else None


def entry_channel(request, usual="web"):
    """The channel to record an entry under: the assisting mode, or the usual one."""
    return assisting(request) or usual


def record_assistance(request, screening=None, referral=None):
    mode = assisting(request)
    if mode is None:
        return None
    entry, _created = AssistedEntry.objects.get_or_create(
        screening=screening, referral=referral, defaults={"helper": request.user, "mode": mode})
    return entry


def context(request):
    """For the public pages' banner: whether a helper is assisting here."""
    mode = assisting(request)
    return {"assisting": mode, "assisting_helper": request.user.get_username() if mode else ""}
