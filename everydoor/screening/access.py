"""Who may see a screening: whoever holds it in their session (put there by starting it or
by typing its continue-code). Every view that touches a screening goes through here."""

from .models import Screening

SESSION_KEY = "screening"


def get_screening_for(request, instrument_id):
    screening_id = request.session.get(SESSION_KEY)
    if screening_id is None:
        return None
    screening = Screening.objects.filter(pk=screening_id).first()
    if screening is None:
        return None
    if screening.instrument_id != instrument_id:
        return None
    return screening


def current_screening(request):
    screening_id = request.session.get(SESSION_KEY)
    return Screening.objects.filter(pk=screening_id).first() if screening_id else None


def hold_screening(request, screening):
    request.session[SESSION_KEY] = str(screening.pk)
