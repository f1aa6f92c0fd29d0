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
    # The person agreed that these anonymous answers may be used for research (not only to
    # run the service); unticked unless they tick it, and withdrawable.
    research_use = models.BooleanField(default=False)
    # The day only: a time of day would make a person easier to pick out.
    given_on = models.DateField(default=timezone.localdate)

    def __str__(self):
        return f"Equity markers {self.journey}"


class JourneyEvent(models.Model):
    """One step a person took, with no identifier: the random journey id (the same as their
    equity markers', if they gave any), the channel, the language and the day."""

    class Step(models.TextChoices):
        # In the order a journey usually goes: the dashboard's funnel follows it.
        VISITED = "visited", "Visited"
        CHOSE_LANGUAGE = "chose_language", "Chose a language"
        STARTED_QUESTIONNAIRE = "started_questionnaire", "Started a questionnaire"
        COMPLETED_QUESTIONNAIRE = "completed_questionnaire", "Completed a questionnaire"
        SAW_RESULT = "saw_result", "Saw a result"
        REACHED_CRISIS_HELP = "reached_crisis_help", "Reached crisis help"
        ASKED_FOR_CALLBACK = "asked_for_callback", "Asked for a call back"
        REFERRED = "referred", "Referred themselves"
        REFERRAL_ACCEPTED = "referral_accepted", "Referral accepted"
        FIRST_CONTACT = "first_contact", "First contact by the service"

    journey = models.UUIDField()
    step = models.CharField(max_length=32, choices=Step.choices)
    channel = models.CharField(max_length=16)
    language = models.CharField(max_length=16)
    occurred_on = models.DateField(default=timezone.localdate)

    class Meta:
        indexes = [models.Index(fields=["step", "occurred_on"]), models.Index(fields=["journey"])]

    def __str__(self):
        return f"{self.step} on {self.occurred_on}"


class StepCount(models.Model):
    """The dashboard's summary: how many journeys first reached `step` in the week starting
    `week`, in a postcode area, by one marker (`dimension`, e.g. "ethnicity") and its value.
    Rebuilt from the journey events by summary.refresh_step_counts, so the dashboard reads
    a few thousand rows however many events there are. Dimension "all" has the totals."""

    week = models.DateField()
    postcode_area = models.CharField(max_length=2, blank=True)  # the letters of the district: E, SW, B
    dimension = models.CharField(max_length=24)
    value = models.CharField(max_length=60, blank=True)
    step = models.CharField(max_length=32)
    journeys = models.PositiveIntegerField()

    class Meta:
        # Everything a dashboard query reads is in the index, so PostgreSQL answers from it alone.
        indexes = [models.Index(fields=["dimension", "week", "postcode_area", "value", "step", "journeys"],
                                name="equity_stepcount_covering")]

    def __str__(self):
        return f"{self.journeys} {self.step} by {self.dimension}={self.value} week {self.week}"


class SummaryRefresh(models.Model):
    """When the summary was last rebuilt, shown on the dashboard ("figures up to …")."""

    finished_at = models.DateTimeField(default=timezone.now)
    events_counted = models.PositiveBigIntegerField()
    seconds_taken = models.FloatField()

    def __str__(self):
        return f"Summary of {self.events_counted} events at {self.finished_at:%Y-%m-%d %H:%M}"


class ReferencePopulation(models.Model):
    """A population to compare with, uploaded by the service as a CSV of shares (for
    example its area's 2021 census counts), one marker at a time."""

    name = models.CharField(max_length=120)
    marker = models.CharField(max_length=24)
    uploaded_by = models.CharField(max_length=150)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at"]
        permissions = [("view_equity_dashboard", "Can see the equity dashboard and upload reference populations")]

    def __str__(self):
        return self.name


class ReferenceShare(models.Model):
    population = models.ForeignKey(ReferencePopulation, on_delete=models.CASCADE, related_name="shares")
    value = models.CharField(max_length=60)
    share = models.FloatField()

    def __str__(self):
        return f"{self.value}: {self.share:.3f}"
