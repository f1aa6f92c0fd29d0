"""The helpers' caseload: each person who asked for help (an urgent escalation, a call-back,
a referral no service could take, someone on the guided self-help course) is a case, in
their language, with how they may be contacted, who picked it up, and the helpers' notes."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from everydoor.privacy.encryption import EncryptedTextField


class Case(models.Model):
    class Kind(models.TextChoices):
        URGENT = "urgent", "Urgent: risk"
        CALLBACK = "callback", "Call back"
        REFERRAL = "referral", "Referral for a community worker"
        SELF_HELP = "self_help", "Guided self-help"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        PICKED_UP = "picked_up", "Picked up"
        CLOSED = "closed", "Closed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.WAITING)
    language = models.CharField(max_length=16)
    # How the person reached us: web, sms, whatsapp, voice (and, later, paper or assisted).
    channel = models.CharField(max_length=16, blank=True)
    # Where the case came from: exactly one of these.
    escalation = models.OneToOneField("crisis.Escalation", null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="case")
    callback = models.OneToOneField("conversations.CallbackRequest", null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="case")
    referral = models.OneToOneField("referrals.Referral", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="case")
    enrolment = models.OneToOneField("course.Enrolment", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="case")
    # Why the case needs a helper's or supervisor's attention now (a worse mood score), and
    # since when; cleared when someone working the case has seen to it.
    attention_reasons = models.JSONField(default=list, blank=True)
    attention_raised_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="cases")
    raised_at = models.DateTimeField(default=timezone.now)
    picked_up_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # An urgent case nobody picked up in time is raised with the supervisors.
    supervisors_alerted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [("work_caseload", "Can work the helpers' caseload"),
                       ("supervise_caseload", "Can see every case, review notes and take overdue urgent cases")]
        indexes = [models.Index(fields=["status", "kind", "raised_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} in {self.language} ({self.get_status_display()})"

    @property
    def source(self):
        return self.escalation or self.callback or self.referral or self.enrolment


class CaseNote(models.Model):
    """What a helper did or agreed with the person. Supervisors review notes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="case_notes")
    text = EncryptedTextField()
    written_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="reviewed_case_notes")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["written_at"]

    def __str__(self):
        return f"Note on {self.case_id} at {self.written_at:%Y-%m-%d %H:%M}"


class HelperProfile(models.Model):
    """The languages a helper works in (their caseload shows those first) and the language
    of their console."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helper_profile")
    languages = models.JSONField(default=list, blank=True)
    console_language = models.CharField(max_length=16, default="en")

    def __str__(self):
        return f"Helper profile of {self.user}"


class TrainingCompletion(models.Model):
    """A member of staff finished one module of the helpers' training path."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_done")
    module = models.SlugField(max_length=64)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="one_completion_per_module")]

    def __str__(self):
        return f"{self.user} finished {self.module}"


class AssistedEntry(models.Model):
    """A questionnaire or referral a helper filled in with the person (assisted mode), or
    keyed in from a printed form the person filled in (paper)."""

    class Mode(models.TextChoices):
        ASSISTED = "assisted", "With the person"
        PAPER = "paper", "From a paper form"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    helper = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="assisted_entries")
    mode = models.CharField(max_length=16, choices=Mode.choices)
    screening = models.OneToOneField("screening.Screening", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="assisted_entry")
    referral = models.OneToOneField("referrals.Referral", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="assisted_entry")
    entered_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.get_mode_display()} by {self.helper}"
