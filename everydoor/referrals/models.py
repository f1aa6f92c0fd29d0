import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from everydoor.privacy.encryption import EncryptedTextField
from everydoor.screening.models import new_continue_code


class Service(models.Model):
    """An NHS Talking Therapies service (or another service that takes self-referrals)."""

    class Delivery(models.TextChoices):
        INBOX = "inbox", "EveryDoor inbox only"
        EMAIL = "email", "Secure email"
        WEBHOOK = "webhook", "Webhook"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    # Outward codes ("E15", "N1"): where people must live for this service to take them.
    catchment_districts = models.JSONField(default=list)
    min_age = models.PositiveSmallIntegerField(default=18)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True)
    requires_gp_registration = models.BooleanField(default=False)
    # Language codes (languages.json) that the service's own staff speak.
    staff_languages = models.JSONField(default=list)
    books_interpreters = models.BooleanField(default=True)
    delivery = models.CharField(max_length=16, choices=Delivery.choices, default=Delivery.INBOX)
    intake_email = models.EmailField(blank=True)
    intake_webhook_url = models.URLField(blank=True)
    webhook_secret = models.CharField(max_length=200, blank=True)
    staff = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="referral_services", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Referral(models.Model):
    """A person asking a service to contact them. Identifiable fields are encrypted at rest."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Being filled in"
        SUBMITTED = "submitted", "Waiting for the service"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        CONTACTED = "contacted", "First contact made"
        WITHDRAWN = "withdrawn", "Withdrawn by the person"

    class Route(models.TextChoices):
        SERVICE = "service", "A service fits"
        UNDER_AGE = "under_age", "Younger than every service takes"
        OVER_AGE = "over_age", "Older than every service takes"
        NO_POSTCODE = "no_postcode", "No postcode given"
        OUTSIDE_CATCHMENT = "outside_catchment", "Outside every catchment"
        NEEDS_GP = "needs_gp", "The local service needs GP registration"

    class Delivery(models.TextChoices):
        NOT_NEEDED = "not_needed", "Inbox only"
        PENDING = "pending", "Sending"
        RETRYING = "retrying", "Failed, will retry"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed, gave up"

    class Gender(models.TextChoices):
        ANY = "any", "No preference"
        FEMALE = "female", "Female"
        MALE = "male", "Male"

    class HasGP(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        NOT_SURE = "not_sure", "Not sure"

    class ContactBy(models.TextChoices):
        CALL = "call", "Phone call"
        TEXT = "text", "Text message"
        EMAIL = "email", "Email"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The person's reference: to come back to the form, and to see what happened.
    code = models.CharField(max_length=11, unique=True, default=new_continue_code)
    language = models.CharField(max_length=16)  # the language the person used the form in
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)

    name = EncryptedTextField(blank=True)
    date_of_birth = EncryptedTextField(blank=True)  # ISO date
    phone = EncryptedTextField(blank=True)
    email = EncryptedTextField(blank=True)
    contact_by = models.CharField(max_length=8, choices=ContactBy.choices, blank=True)
    may_leave_voicemail = models.BooleanField(null=True)
    may_text = models.BooleanField(null=True)
    safe_times = models.JSONField(default=list)
    do_not_speak_to = EncryptedTextField(blank=True)
    has_gp = models.CharField(max_length=8, choices=HasGP.choices, blank=True)
    gp_practice = EncryptedTextField(blank=True)
    postcode = EncryptedTextField(blank=True)
    # The outward part of the postcode only (E15), kept plain for routing and reports.
    postcode_district = models.CharField(max_length=4, blank=True)
    preferred_language = models.CharField(max_length=16, blank=True)
    other_language = models.CharField(max_length=100, blank=True)
    dialect = models.CharField(max_length=100, blank=True)
    interpreter_needed = models.BooleanField(null=True)
    interpreter_gender = models.CharField(max_length=8, choices=Gender.choices, default=Gender.ANY)
    clinician_gender = models.CharField(max_length=8, choices=Gender.choices, default=Gender.ANY)
    screenings = models.ManyToManyField("screening.Screening", blank=True, related_name="referrals")
    consent = models.BooleanField(default=False)

    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals")
    route = models.CharField(max_length=24, choices=Route.choices, blank=True)
    age_at_referral = models.PositiveSmallIntegerField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)
    first_contact_at = models.DateTimeField(null=True, blank=True)
    first_contact_note = models.TextField(blank=True)
    # A declined referral goes to community workers too, so the person is not left alone.
    needs_community_worker = models.BooleanField(default=False)

    delivery_status = models.CharField(max_length=16, choices=Delivery.choices, default=Delivery.NOT_NEEDED)
    delivery_attempts = models.PositiveSmallIntegerField(default=0)
    delivery_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    # The person's anonymous journey id, so that "accepted" and "first contact" join the
    # equity funnel. Encrypted because it links a named person to their anonymous markers;
    # cleared once first contact is recorded, when it is no longer needed.
    journey = EncryptedTextField(blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        permissions = [("work_community_queue", "Can work the community-worker referral queue")]
        indexes = [models.Index(fields=["status", "service"])]

    def __str__(self):
        return f"Referral {self.code} ({self.status})"
