"""A person's journey id and the markers they chose to give, kept in their session only as a
random id: nothing that identifies them is stored with it."""

import uuid

from django.utils import timezone, translation

from everydoor.helpers.assisted import entry_channel

from .models import EquityProfile, JourneyEvent

SESSION_KEY = "journey"
FIELDS = ["age_band", "gender", "ethnicity", "country_of_birth", "migration_situation", "time_in_uk",
          "main_language", "disability", "postcode_district"]


def journey_of(request):
    """This person's journey id, made on first use."""
    if SESSION_KEY not in request.session:
        request.session[SESSION_KEY] = str(uuid.uuid4())
    return uuid.UUID(request.session[SESSION_KEY])


def markers_given(request):
    journey = request.session.get(SESSION_KEY)
    return EquityProfile.objects.filter(journey=journey).first() if journey else None


def save_markers(request, answers):
    values = {name: answers.get(name, "") for name in FIELDS}
    profile, _created = EquityProfile.objects.update_or_create(journey=journey_of(request), defaults=values)
    return profile


def remove_markers(request):
    profile = markers_given(request)
    if profile is not None:
        profile.delete()


def record_step(request, step):
    """Note that this person reached `step` (a JourneyEvent.Step), once per journey and day."""
    JourneyEvent.objects.get_or_create(
        journey=journey_of(request), step=step, occurred_on=timezone.localdate(),
        defaults={"channel": entry_channel(request), "language": translation.get_language()},
    )
