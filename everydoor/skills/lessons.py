"""The digital-skills lessons, and the short check that picks the ones a person needs.
Lessons are LessonPages (content/data/starter/en.json); this is their order and the one
thing each teaches, asked as "can you already…?"."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import LessonCompletion

SESSION_KEY = "digital_skills"


@dataclass(frozen=True)
class Lesson:
    slug: str
    can_already: str


LESSONS = [
    Lesson("phone-browser-safety", _("I can open a website on my phone and check that it is the real one.")),
    Lesson("data-and-privacy", _("I know how to use less mobile data and keep my phone private.")),
    Lesson("nhs-app-and-login", _("I have the NHS App and an NHS login.")),
    Lesson("booking-a-gp-appointment", _("I can book an appointment with a GP.")),
    Lesson("joining-a-video-call", _("I can join a video call.")),
]
SLUGS = [lesson.slug for lesson in LESSONS]


def lessons_needed(can_already):
    """Every lesson whose skill the person did not tick, in order."""
    return [lesson.slug for lesson in LESSONS if lesson.slug not in can_already]


def remember_check(session, needed):
    progress = session.get(SESSION_KEY, {})
    session[SESSION_KEY] = {**progress, "needed": needed}


def record_completion(session, slug, language, channel):
    progress = session.get(SESSION_KEY, {})
    done = progress.get("done", [])
    if slug not in done:
        LessonCompletion.objects.create(lesson=slug, language=language, channel=channel)
        session[SESSION_KEY] = {**progress, "done": [*done, slug]}


def progress_of(session):
    progress = session.get(SESSION_KEY, {})
    return progress.get("needed"), set(progress.get("done", []))
