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
    """Note that this person, on the web (or assisted by a helper), reached `step`."""
    record_journey_step(journey_of(request), step, entry_channel(request), translation.get_language())


def record_journey_step(journey, step, channel, language):
    """Note that `journey` reached `step` (a JourneyEvent.Step) on `channel` in `language`,
    once per journey, step and day. Every door (web, SMS, WhatsApp, voice, staff) records
    through here."""
    JourneyEvent.objects.get_or_create(
        journey=journey, step=step, occurred_on=timezone.localdate(),
        defaults={"channel": channel, "language": language},
    )


def record_language_chosen(request, language):
    """A person on the web chose `language`: their journey begins (visited) with that
    choice. Recorded on the choice, a POST, so reading pages records nothing and a crawler
    following links is given no session."""
    journey, channel = journey_of(request), entry_channel(request)
    record_journey_step(journey, JourneyEvent.Step.VISITED, channel, language)
    record_journey_step(journey, JourneyEvent.Step.CHOSE_LANGUAGE, channel, language)


def start_new_journey(request):
    """The next steps in this browser are someone else's (a helper assisting the next
    person): they must not join the last person's journey or markers."""
    request.session.pop(SESSION_KEY, None)


def fill_in_journey_language(journey, language):
    """A conversation's first steps come before the person chooses a language (recorded
    with none): once they choose, those steps count in it."""
    JourneyEvent.objects.filter(journey=journey, language="").update(language=language)
