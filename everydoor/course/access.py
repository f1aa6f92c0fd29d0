"""Whose course this is: whoever holds it in their session (by joining, or by typing its
continue-code), as with a screening."""

from .models import Enrolment

SESSION_KEY = "course"


def current_enrolment(request):
    enrolment_id = request.session.get(SESSION_KEY)
    return Enrolment.objects.filter(pk=enrolment_id).first() if enrolment_id else None


def hold_enrolment(request, enrolment):
    request.session[SESSION_KEY] = str(enrolment.pk)


def let_go(request):
    request.session.pop(SESSION_KEY, None)
