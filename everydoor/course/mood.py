"""Mood checks: the PHQ-9 at the start, middle and end of the course, answered through the
screening app. A risk answer escalates at once with the contact details the person gave
for check-ins; a reliable worsening from the start is marked for the helpers."""

from django.db import transaction
from django.db.models.signals import post_save

from everydoor.crisis.escalation import escalate_risk
from everydoor.crisis.models import Escalation
from everydoor.screening.answering import start_screening
from everydoor.screening.instruments import load_instrument
from everydoor.screening.models import Screening

from .models import MoodCheck
from .progress import finish_if_complete

MOOD_INSTRUMENT = "phq-9"
# NHS Talking Therapies Manual (v7, 2024), "reliable change": a PHQ-9 total that changes by
# 6 points or more is beyond measurement error. A rise of 6 or more is reliable deterioration.
PHQ9_RELIABLE_CHANGE = 6


def start_mood_check(enrolment, point, channel):
    """A new PHQ-9 screening for this point (or the one already started, if unfinished)."""
    existing = enrolment.mood_checks.filter(point=point).select_related("screening").first()
    if existing is not None and existing.screening is not None and existing.score is None:
        return existing.screening
    screening = start_screening(load_instrument(MOOD_INSTRUMENT, enrolment.language), channel=channel)
    MoodCheck.objects.update_or_create(enrolment=enrolment, point=point,
                                       defaults={"screening": screening, "skipped": False, "score": None})
    return screening


def skip_mood_check(enrolment, point):
    MoodCheck.objects.update_or_create(enrolment=enrolment, point=point, defaults={"skipped": True})
    finish_if_complete(enrolment)


def connect_screenings():
    post_save.connect(_screening_saved, sender=Screening, dispatch_uid="course-mood-check-answers")


def _screening_saved(sender, instance, **kwargs):
    check = MoodCheck.objects.filter(screening=instance).select_related("enrolment").first()
    if check is None:
        return
    if instance.risk_reasons:
        _escalate_risk(check, instance)
    if instance.result is not None and check.score is None:
        _record_score(check, instance.result["total"])


def _escalate_risk(check, screening):
    """The person already agreed that a helper contacts them on this number."""
    if Escalation.objects.filter(screening=screening).exists():
        return
    enrolment = check.enrolment
    escalate_risk(
        source=Escalation.Source.RISK_ANSWER, reasons=screening.risk_reasons, language=enrolment.language,
        phone=enrolment.contact_phone, consent=True, safe_to_leave_message=enrolment.safe_to_leave_message,
        screening=screening,
    )


def _record_score(check, total):
    start = check.enrolment.mood_checks.filter(point=MoodCheck.Point.START, score__isnull=False).first()
    check.score = total
    check.worse = start is not None and check.pk != start.pk and total - start.score >= PHQ9_RELIABLE_CHANGE
    with transaction.atomic():
        check.save(update_fields=["score", "worse"])
        finish_if_complete(check.enrolment)


def mood_history(enrolment):
    order = {point: index for index, point in enumerate(MoodCheck.Point.values)}
    return sorted(enrolment.mood_checks.select_related("screening"), key=lambda check: order[check.point])
