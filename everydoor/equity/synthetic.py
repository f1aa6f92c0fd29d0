"""Synthetic journeys for trying the dashboard at scale and for its benchmark: people who
look like EveryDoor's (mostly arriving by phone, in twenty languages, many not giving their
markers), growing in number over three years, dropping out at each step more often on some
channels and in some languages than others. Nothing here describes a real person.

Rows go straight into the tables (COPY on PostgreSQL), because ten million events through
the ORM would take hours.
"""

import datetime
import random
import uuid

from django.db import connection, transaction
from django.utils import timezone

from .models import EquityProfile, JourneyEvent

CHANNELS = {"web": 55, "whatsapp": 17, "sms": 12, "voice": 9, "assisted": 5, "paper": 2}
LANGUAGES = {"en": 15, "ar": 12, "fa": 8, "prs": 5, "ps": 5, "ur": 6, "ckb": 4, "ti": 6, "am": 3, "so": 6, "uk": 7,
             "ru": 3, "sq": 3, "vi": 3, "bn": 4, "tr": 3, "pl": 3, "ro": 2, "zh-hant": 2, "fr": 2}
# The ethnic group most people writing in a language would give, for a realistic mix.
LIKELY_ETHNICITY = {"en": "white_british", "ar": "other_arab", "fa": "asian_other", "prs": "asian_other",
                    "ps": "asian_other", "ur": "asian_pakistani", "ckb": "other_any", "ti": "black_african",
                    "am": "black_african", "so": "black_african", "uk": "white_other", "ru": "white_other",
                    "sq": "white_other", "vi": "asian_other", "bn": "asian_bangladeshi", "tr": "white_other",
                    "pl": "white_other", "ro": "white_roma", "zh-hant": "asian_chinese", "fr": "black_african"}
COUNTRIES = {"en": "United Kingdom", "ar": "Syria", "fa": "Iran", "prs": "Afghanistan", "ps": "Afghanistan",
             "ur": "Pakistan", "ckb": "Iraq", "ti": "Eritrea", "am": "Ethiopia", "so": "Somalia", "uk": "Ukraine",
             "ru": "Russia", "sq": "Albania", "vi": "Vietnam", "bn": "Bangladesh", "tr": "Turkey", "pl": "Poland",
             "ro": "Romania", "zh-hant": "Hong Kong", "fr": "Democratic Republic of the Congo"}
DISTRICTS = ["E1", "E6", "E13", "E15", "E17", "N1", "N15", "N17", "N18", "SE1", "SE15", "SE18", "SW2", "SW9",
             "SW17", "W3", "W12", "NW2", "NW10", "B6", "B8", "B10", "B11", "B19", "M8", "M13", "M14", "M16",
             "LS7", "LS8", "G31", "G42", "CF10", "CF24", "L7", "L8", "S2", "S4", "NG7", "LE5"]
AGE_BANDS = {"16-17": 3, "18-24": 20, "25-34": 32, "35-44": 22, "45-54": 12, "55-64": 6, "65+": 2, "prefer_not": 3}
GENDERS = {"woman": 46, "man": 48, "non_binary": 1, "another": 1, "prefer_not": 4}
MIGRATION = {"refugee": 30, "seeking_asylum": 35, "other_visa": 15, "settled": 15, "prefer_not": 5}
TIME_IN_UK = {"under_1": 30, "1-5": 40, "5-10": 12, "over_10": 8, "born_here": 5, "prefer_not": 5}
# Chance of going on to each step from the one before it (the funnel), before adjustments.
GO_ON = [("visited", 1.0), ("chose_language", 0.85), ("started_questionnaire", 0.7),
         ("completed_questionnaire", 0.72), ("saw_result", 0.95), ("referred", 0.3),
         ("referral_accepted", 0.8), ("first_contact", 0.85)]
SIDE_STEPS = [("reached_crisis_help", "saw_result", 0.08), ("asked_for_callback", "chose_language", 0.1)]
# Long questionnaires read aloud on a call lose more people; languages with fewer of our
# translations reviewed lose a few more.
CHANNEL_KEEPS = {"voice": 0.8, "sms": 0.9, "assisted": 1.1, "paper": 1.05}
LANGUAGE_KEEPS = {"ti": 0.85, "am": 0.85, "ps": 0.85, "ckb": 0.85, "so": 0.9, "prs": 0.9}


def _pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def synthetic_journey(rng, today, weeks):
    """(profile values or None, [(step, channel, language, day)]) for one made-up person."""
    # More people in later weeks: the service grows.
    days_ago = int((1 - rng.random() ** 0.7) * weeks * 7)
    day = today - datetime.timedelta(days=days_ago)
    channel, language = _pick(rng, CHANNELS), _pick(rng, LANGUAGES)
    keep = CHANNEL_KEEPS.get(channel, 1.0) * LANGUAGE_KEEPS.get(language, 1.0)
    reached, events = set(), []
    for step, chance in GO_ON:
        if rng.random() >= min(chance * (keep if step != "visited" else 1), 1.0):
            break
        reached.add(step)
        day = min(day + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2, 7])), today)
        events.append((step, channel, language, day))
    for step, after, chance in SIDE_STEPS:
        if after in reached and rng.random() < chance:
            events.append((step, channel, language, events[0][3]))
    profile = _markers(rng, language) if rng.random() < 0.45 else None
    return profile, events


def _markers(rng, language):
    return {
        "age_band": _pick(rng, AGE_BANDS), "gender": _pick(rng, GENDERS),
        "ethnicity": LIKELY_ETHNICITY[language] if rng.random() < 0.7 else rng.choice(list(LIKELY_ETHNICITY.values())),
        "country_of_birth": COUNTRIES[language] if rng.random() < 0.8 else "",
        "migration_situation": _pick(rng, MIGRATION), "time_in_uk": _pick(rng, TIME_IN_UK),
        "main_language": language if rng.random() < 0.9 else "other",
        "disability": rng.choice(["yes", "no", "no", "no", "prefer_not"]),
        "postcode_district": rng.choice(DISTRICTS) if rng.random() < 0.8 else "",
    }


def make_synthetic_journeys(events_wanted, seed=2021, weeks=156, report=None):
    """Add about `events_wanted` journey events (and the profiles of the journeys whose
    people gave markers). Returns (journeys, events, profiles) added."""
    rng, today = random.Random(seed), timezone.localdate()
    writer = _CopyWriter() if connection.vendor == "postgresql" else _BatchWriter()
    journeys = events_added = profiles = 0
    with transaction.atomic():
        while events_added < events_wanted:
            journey = uuid.UUID(int=rng.getrandbits(128), version=4)
            profile, events = synthetic_journey(rng, today, weeks)
            events = events[:events_wanted - events_added]
            if profile:
                writer.profile(journey, profile, today)
                profiles += 1
            for event in events:
                writer.event(journey, *event)
            journeys, events_added = journeys + 1, events_added + len(events)
            if report and journeys % 200_000 == 0:
                report(events_added)
        writer.close()
    return journeys, events_added, profiles


PROFILE_COLUMNS = ["journey", "age_band", "gender", "ethnicity", "country_of_birth", "migration_situation",
                   "time_in_uk", "main_language", "disability", "postcode_district", "research_use", "given_on"]
EVENT_COLUMNS = ["journey", "step", "channel", "language", "occurred_on"]


class _BatchWriter:
    """For SQLite (tests, the demo): the ORM in batches."""

    def __init__(self):
        self.profiles, self.events = [], []

    def profile(self, journey, values, day):
        self.profiles.append(EquityProfile(journey=journey, given_on=day, **values))
        if len(self.profiles) >= 5000:
            self._flush()

    def event(self, journey, step, channel, language, day):
        self.events.append(JourneyEvent(journey=journey, step=step, channel=channel, language=language,
                                        occurred_on=day))
        if len(self.events) >= 5000:
            self._flush()

    def _flush(self):
        EquityProfile.objects.bulk_create(self.profiles)
        JourneyEvent.objects.bulk_create(self.events)
        self.profiles, self.events = [], []

    def close(self):
        self._flush()


class _CopyWriter:
    """For PostgreSQL: COPY, a chunk at a time so memory stays small."""

    CHUNK = 200_000

    def __init__(self):
        self.profiles, self.events = [], []
        self.cursor = connection.cursor().cursor  # psycopg's own cursor, for copy()

    def profile(self, journey, values, day):
        self.profiles.append((journey, *(values[name] for name in PROFILE_COLUMNS[1:-2]), False, day))

    def event(self, journey, step, channel, language, day):
        self.events.append((journey, step, channel, language, day))
        if len(self.events) >= self.CHUNK:
            self.close()

    def close(self):
        for model, columns, rows in [(JourneyEvent, EVENT_COLUMNS, self.events),
                                     (EquityProfile, PROFILE_COLUMNS, self.profiles)]:
            with self.cursor.copy(f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        self.profiles, self.events = [], []
