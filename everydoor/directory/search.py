"""Search for people: services by need, language spoken, distance, cost, opening now and age.

The database narrows by need, language, age, cost and (with a postcode) a box around the
person; distance and "open now" are worked out for the few hundred rows that remain.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from . import models as m
from .access import STAFF_LANGUAGE, access_facts
from .location import in_order, services_near

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# The nearest twenty: enough to choose from on a phone, small enough for a slow connection.
RESULT_LIMIT = 20
PHONE_LIMIT = 5


@dataclass(frozen=True)
class DirectoryQuery:
    need: str = ""
    language: str = ""
    postcode: str = ""
    within_km: int = 20
    free_only: bool = False
    open_now: bool = False
    age: int | None = None


@dataclass
class Result:
    place: object
    service: object
    distance_metres: float | None
    is_free: bool
    is_open_now: bool
    facts: dict = field(default_factory=dict)
    translation: object = None


def search_directory(query, language_code, now=None):
    """Up to RESULT_LIMIT results, nearest first when a postcode was given, then up to
    PHONE_LIMIT that work by phone or online."""
    now = timezone.localtime(now or timezone.now())
    places = _narrowed(query)
    if query.open_now:
        places = places.filter(Exists(_open_schedules(now)))
    if query.postcode:
        ranked = services_near(places, query.postcode, proximity_metres=query.within_km * 1000)[:RESULT_LIMIT]
        by_phone = places.filter(location__location_type=m.Location.Type.VIRTUAL).order_by("service__name")
        # Phone and online services have no place on the map, so a few follow the nearest.
        phone_ids = [(place_id, None) for place_id in by_phone.values_list("id", flat=True)[:PHONE_LIMIT]]
        found = in_order(_with_details(places, language_code, now), ranked + phone_ids)
    else:
        found = list(_with_details(places, language_code, now).order_by("service__name", "id")[:RESULT_LIMIT])
    return [_result(place, language_code) for place in found]


def _narrowed(query):
    services = m.Service.objects.filter(status=m.Service.Status.ACTIVE)
    if query.need:
        services = services.filter(Exists(m.Attribute.objects.filter(service=OuterRef("pk"),
                                                                     taxonomy_term_id=query.need)))
    if query.language:
        services = services.filter(
            Exists(m.Language.objects.filter(service=OuterRef("pk"), code=query.language))
            | Exists(m.Attribute.objects.filter(service=OuterRef("pk"), taxonomy_term_id=STAFF_LANGUAGE,
                                                value=query.language))
        )
    if query.age is not None:
        services = services.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.age))
        services = services.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age))
    if query.free_only:
        services = services.filter(Exists(_free_options().filter(service=OuterRef("pk"))))
    return m.ServiceAtLocation.objects.filter(service__in=services)


def _with_details(places, language_code, now):
    free = _free_options().filter(service=OuterRef("service"))
    return (
        places.select_related("service", "location")
        .annotate(is_free=Exists(free), is_open_now=Exists(_open_schedules(now)))
        .prefetch_related(
            "location__addresses", "service__phones", "service__schedules", "service__languages",
            Prefetch("service__translations", queryset=m.ServiceTranslation.objects.filter(language=language_code)),
            Prefetch("service__attributes", queryset=m.Attribute.objects.select_related("taxonomy_term")),
        )
    )


def _open_schedules(now):
    """Weekly schedules, of the service or of this place, open at `now`."""
    today = DAY_CODES[now.weekday()]
    return m.Schedule.objects.filter(
        Q(service=OuterRef("service")) | Q(service_at_location=OuterRef("pk")),
        Q(freq="") | Q(freq__iexact="WEEKLY"),
        Q(byday="") | Q(byday__icontains=today),
        opens_at__lte=now.time(),
        closes_at__gt=now.time(),
    )


def _free_options():
    return m.CostOption.objects.filter(Q(amount=0) | Q(option__iexact="free"))


def _result(place, language_code):
    service = place.service
    translation = next((item for item in service.translations.all() if item.language == language_code), None)
    return Result(
        place=place,
        service=service,
        distance_metres=getattr(place, "distance_metres", None),
        is_free=place.is_free,
        is_open_now=place.is_open_now,
        facts=access_facts(service),
        translation=translation,
    )


def opening_days(schedule):
    """The days of a weekly schedule as indexes 0 (Monday) to 6, for showing them."""
    return [DAY_CODES.index(day.strip().upper()) for day in schedule.byday.split(",")
            if day.strip().upper() in DAY_CODES]


