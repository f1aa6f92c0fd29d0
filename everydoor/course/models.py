"""The guided self-help course: five sessions, one a week, with a helper who checks in each
week and mood measured at the start, the middle and the end. Anonymous like a screening:
the person comes back with a continue-code; the phone number is kept, encrypted, only so
the helper can check in."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from everydoor.privacy.encryption import EncryptedTextField
from everydoor.screening.models import new_continue_code


class Enrolment(models.Model):
    class CheckInBy(models.TextChoices):
        PHONE = "phone", "Phone call"
        SMS = "sms", "SMS"
        WHATSAPP = "whatsapp", "WhatsApp"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    continue_code = models.CharField(max_length=11, unique=True, default=new_continue_code)
    language = models.CharField(max_length=16)
    # web, or assisted/paper when a helper enrolled the person beside them
    channel = models.CharField(max_length=16, default="web")
    check_in_by = models.CharField(max_length=16, choices=CheckInBy.choices)
    contact_phone = EncryptedTextField()
    safe_to_leave_message = models.BooleanField(default=False)
    safe_times = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Course enrolment {self.id}"


class SessionDone(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="sessions_done")
    number = models.PositiveSmallIntegerField()
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "number"], name="one_record_per_session")]
        ordering = ["number"]

    def __str__(self):
        return f"Session {self.number} done"


class MoodCheck(models.Model):
    """A PHQ-9 answered at one of the course's three points, through the screening app (so
    it has the same wording, translation status, read-aloud and risk routing)."""

    class Point(models.TextChoices):
        START = "start", "Start"
        MIDDLE = "middle", "Middle"
        END = "end", "End"

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="mood_checks")
    point = models.CharField(max_length=8, choices=Point.choices)
    screening = models.OneToOneField("screening.Screening", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="course_mood_check")
    skipped = models.BooleanField(default=False)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    # Reliable deterioration from the start (see mood.py); set once, when scored.
    worse = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "point"], name="one_mood_check_per_point")]

    def __str__(self):
        return f"Mood check at the {self.point}"


class HelperCheckIn(models.Model):
    """A helper's weekly check-in with the person, by phone or by message."""

    class How(models.TextChoices):
        PHONE = "phone", "Phone call"
        SMS = "sms", "SMS"
        WHATSAPP = "whatsapp", "WhatsApp"
        IN_PERSON = "in_person", "In person"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="check_ins")
    helper = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    how = models.CharField(max_length=16, choices=How.choices)
    reached = models.BooleanField()
    note = EncryptedTextField(blank=True)
    happened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["happened_at"]

    def __str__(self):
        return f"Check-in by {self.how} on {self.happened_at:%Y-%m-%d}"
