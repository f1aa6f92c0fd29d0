"""Where a person is in the course, and what they do next. Plain functions over the models."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from everydoor.privacy.consent import give_consent
from everydoor.privacy.models import Consent

from .models import Enrolment, HelperCheckIn, MoodCheck, SessionDone

# The five sessions in order (slugs of the SelfHelpSessionPage in content/data/starter/en.json).
SESSION_SLUGS = [
    "managing-stress",
    "getting-going-again",
    "solving-problems",
    "strengthening-support",
    "staying-well",
]
# Mood is measured before the first session, before the third (half way) and after the last.
MOOD_BEFORE_SESSION = {MoodCheck.Point.START: 1, MoodCheck.Point.MIDDLE: 3, MoodCheck.Point.END: None}
CHECK_IN_EVERY = timedelta(days=7)


@dataclass(frozen=True)
class NextStep:
    kind: str  # "mood", "session" or "finished"
    point: str | None = None
    number: int | None = None


def enrol(*, language, channel, check_in_by, phone, safe_to_leave_message, safe_times=""):
    """Join the course. The person agreed that a helper contacts them (the join form asks)."""
    with transaction.atomic():
        enrolment = Enrolment.objects.create(
            language=language, channel=channel, check_in_by=check_in_by, contact_phone=phone,
            safe_to_leave_message=safe_to_leave_message, safe_times=safe_times.strip(),
        )
        give_consent(enrolment.continue_code, Consent.Purpose.CONTACT, channel, language)
    return enrolment


def sessions_done(enrolment):
    return set(enrolment.sessions_done.values_list("number", flat=True))


def mood_points_settled(enrolment):
    """Points whose mood check is scored or was skipped (one in progress is not settled)."""
    return {
        check.point for check in enrolment.mood_checks.all() if check.skipped or check.score is not None
    }


def next_step(enrolment):
    done = sessions_done(enrolment)
    settled = mood_points_settled(enrolment)
    for number in range(1, len(SESSION_SLUGS) + 1):
        for point, before in MOOD_BEFORE_SESSION.items():
            if before == number and point not in settled:
                return NextStep("mood", point=point)
        if number not in done:
            return NextStep("session", number=number)
    if MoodCheck.Point.END not in settled:
        return NextStep("mood", point=MoodCheck.Point.END)
    return NextStep("finished")


def may_open_session(enrolment, number):
    return session_is_open(number, sessions_done(enrolment))


def session_is_open(number, done):
    """Sessions open in order: any already done, and the next one."""
    if not 1 <= number <= len(SESSION_SLUGS):
        return False
    return number in done or all(earlier in done for earlier in range(1, number))


def mark_session_done(enrolment, number, now=None):
    if not may_open_session(enrolment, number):
        raise ValueError(f"Session {number} is not open yet")
    try:
        with transaction.atomic():
            SessionDone.objects.create(enrolment=enrolment, number=number, done_at=now or timezone.now())
    except IntegrityError:
        pass  # pressed twice: once is enough
    finish_if_complete(enrolment, now)


def finish_if_complete(enrolment, now=None):
    if enrolment.finished_at is None and next_step(enrolment).kind == "finished":
        enrolment.finished_at = now or timezone.now()
        enrolment.save(update_fields=["finished_at"])


def record_check_in(enrolment, helper, how, reached, note="", now=None):
    return HelperCheckIn.objects.create(
        enrolment=enrolment, helper=helper, how=how, reached=reached, note=note.strip(),
        happened_at=now or timezone.now(),
    )


def check_in_due_at(enrolment):
    """The first check-in is due when the person joins; then a week after the last one the
    helper reached them. A check-in that did not reach the person leaves it due."""
    last = enrolment.check_ins.filter(reached=True).order_by("-happened_at").first()
    return check_in_due_from(enrolment.started_at, last.happened_at if last else None)


def check_in_due_from(started_at, last_reached_at):
    return started_at if last_reached_at is None else last_reached_at + CHECK_IN_EVERY
