"""The directory, following Open Referral UK (HSDS 3.0, UK profile).

Tables mirror the standard's objects and keep their ids as given, so records round-trip.
Fields the standard defines that EveryDoor neither searches nor shows are kept verbatim in
`extra`, so an export gives back everything an import received.
"""

from django.db import models
from django.utils import timezone


class HsdsObject(models.Model):
    id = models.CharField(primary_key=True, max_length=250)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.id}"


class Organization(HsdsObject):
    name = models.CharField(max_length=500)
    description = models.TextField()
    email = models.CharField(max_length=500, blank=True)
    website = models.CharField(max_length=1000, blank=True)

    def __str__(self):
        return self.name


class TaxonomyTerm(HsdsObject):
    name = models.CharField(max_length=500)
    description = models.TextField()
    code = models.CharField(max_length=250, blank=True)
    taxonomy = models.CharField(max_length=250, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")

    def __str__(self):
        return self.name


class Service(HsdsObject):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        INACTIVE = "inactive", "Inactive"
        DEFUNCT = "defunct", "Defunct"
        TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"

    organization = models.ForeignKey(Organization, null=True, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    url = models.CharField(max_length=1000, blank=True)
    email = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=32, choices=Status.choices)
    fees_description = models.TextField(blank=True)
    eligibility_description = models.TextField(blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    # HSDS: "the date that the information about the service was last checked".
    assured_date = models.DateField(null=True, blank=True)
    last_modified = models.DateTimeField(default=timezone.now)
    terms = models.ManyToManyField(TaxonomyTerm, through="Attribute", related_name="services")

    def __str__(self):
        return self.name


class Location(HsdsObject):
    class Type(models.TextChoices):
        PHYSICAL = "physical", "Physical"
        POSTAL = "postal", "Postal"
        VIRTUAL = "virtual", "Virtual"

    location_type = models.CharField(max_length=16, choices=Type.choices)
    name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True, db_index=True)
    longitude = models.FloatField(null=True, blank=True)

    def __str__(self):
        return self.name or self.id


class Address(HsdsObject):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    address_1 = models.CharField(max_length=500)
    city = models.CharField(max_length=250)
    state_province = models.CharField(max_length=250)
    postal_code = models.CharField(max_length=16)
    country = models.CharField(max_length=2)
    address_type = models.CharField(max_length=16)
    # "E15" of "E15 4QR": lets search work by district before any coordinates are loaded.
    postcode_district = models.CharField(max_length=8, blank=True, db_index=True)


class ServiceAtLocation(HsdsObject):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(blank=True)


class Contact(HsdsObject):
    service = models.ForeignKey(Service, null=True, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=500, blank=True)
    email = models.CharField(max_length=500, blank=True)


class Phone(HsdsObject):
    service = models.ForeignKey(Service, null=True, on_delete=models.CASCADE, related_name="phones")
    location = models.ForeignKey(Location, null=True, on_delete=models.CASCADE, related_name="phones")
    contact = models.ForeignKey(Contact, null=True, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=64)
    description = models.TextField(blank=True)


class Schedule(HsdsObject):
    service = models.ForeignKey(Service, null=True, on_delete=models.CASCADE, related_name="schedules")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, on_delete=models.CASCADE, related_name="schedules"
    )
    freq = models.CharField(max_length=16, blank=True)
    byday = models.CharField(max_length=64, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.TextField(blank=True)


class CostOption(HsdsObject):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=500, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    amount_description = models.TextField(blank=True)


class ServiceArea(HsdsObject):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)


class Language(HsdsObject):
    service = models.ForeignKey(Service, null=True, on_delete=models.CASCADE, related_name="languages")
    location = models.ForeignKey(Location, null=True, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(max_length=250, blank=True)
    code = models.CharField(max_length=16, blank=True, db_index=True)
    note = models.TextField(blank=True)


class Attribute(HsdsObject):
    """A taxonomy term attached to a service (HSDS's way of saying what a service is for),
    or one of EveryDoor's access facts (taxonomy "everydoor-access") with its value."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes")
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes")
    value = models.TextField(blank=True)
    label = models.CharField(max_length=500, blank=True)


class Postcode(models.Model):
    """Where a postcode is, from the ONS Postcode Directory or Code-Point Open (see the
    load_postcodes command). Written without its space, in capitals: "E154QR"."""

    postcode = models.CharField(primary_key=True, max_length=8)
    latitude = models.FloatField()
    longitude = models.FloatField()

    def __str__(self):
        return self.postcode


class ServiceTranslation(models.Model):
    """A service's name and description in another language, kept apart from the Open
    Referral record (which has one language). A draft until a reviewer approves it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved by a reviewer"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=16)
    name = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "language"], name="one_translation_per_language")]

    def __str__(self):
        return f"{self.service_id} ({self.language})"


class SearchEntry(models.Model):
    """A service at a location as search sees it: one narrow row holding what people filter
    by, so a search is one indexed query instead of joins across a dozen Open Referral
    tables. Derived data, kept in step by index.py; never edited by hand."""

    place = models.OneToOneField(ServiceAtLocation, primary_key=True, on_delete=models.CASCADE,
                                 related_name="search_entry")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="search_entries")
    active = models.BooleanField()
    name = models.CharField(max_length=500)
    virtual = models.BooleanField()
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    # Lists written "|a|b|" so one LIKE finds a whole item: language codes offered or spoken
    # by staff, taxonomy term ids, and postcode districts or area names (in capitals).
    languages = models.TextField()
    needs = models.TextField()
    districts = models.TextField()
    free = models.BooleanField()
    minimum_age = models.PositiveSmallIntegerField(null=True)
    maximum_age = models.PositiveSmallIntegerField(null=True)

    class Meta:
        verbose_name_plural = "search entries"
        indexes = [
            models.Index(fields=["latitude", "longitude"], condition=models.Q(active=True),
                         name="search_entry_active_position"),
            models.Index(fields=["virtual", "name"], condition=models.Q(active=True),
                         name="search_entry_active_by_name"),
        ]

    def __str__(self):
        return f"{self.name} at {self.place_id}"
