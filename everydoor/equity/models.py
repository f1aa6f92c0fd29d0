import uuid

from django.db import models
from django.utils import timezone


class EquityProfile(models.Model):
    """What one person chose to tell us about themselves, keyed by a random journey id that
    is not stored with anything that identifies them (no referral, screening or contact
    points here, and none points back): stored apart from identity."""

    journey = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    age_band = models.CharField(max_length=16, blank=True)
    gender = models.CharField(max_length=16, blank=True)
    ethnicity = models.CharField(max_length=32, blank=True)
    country_of_birth = models.CharField(max_length=60, blank=True)
    migration_situation = models.CharField(max_length=16, blank=True)
    time_in_uk = models.CharField(max_length=16, blank=True)
    main_language = models.CharField(max_length=16, blank=True)
    disability = models.CharField(max_length=16, blank=True)
    postcode_district = models.CharField(max_length=4, blank=True)
    # The day only: a time of day would make a person easier to pick out.
    given_on = models.DateField(default=timezone.localdate)

    def __str__(self):
        return f"Equity markers {self.journey}"


class JourneyEvent(models.Model):
    """One step a person took, with no identifier: the random journey id (the same as their
    equity markers', if they gave any), the channel, the language and the day."""

    class Step(models.TextChoices):
        STARTED_QUESTIONNAIRE = "started_questionnaire", "Started a questionnaire"
        COMPLETED_QUESTIONNAIRE = "completed_questionnaire", "Completed a questionnaire"
        SAW_RESULT = "saw_result", "Saw a result"
        REACHED_CRISIS_HELP = "reached_crisis_help", "Reached crisis help"
        REFERRED = "referred", "Referred themselves"

    journey = models.UUIDField()
    step = models.CharField(max_length=32, choices=Step.choices)
    channel = models.CharField(max_length=16)
    language = models.CharField(max_length=16)
    occurred_on = models.DateField(default=timezone.localdate)

    class Meta:
        indexes = [models.Index(fields=["step", "occurred_on"]), models.Index(fields=["journey"])]

    def __str__(self):
        return f"{self.step} on {self.occurred_on}"
