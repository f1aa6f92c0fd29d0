"""Search for people: services by need, language spoken, distance, cost, opening now and age.

One indexed query over the search entries (index.py) narrows by need, language, age,
cost, "open now" and (with a postcode) a box around the person; distance is worked out for
the few hundred rows that remain, and details are loaded only for the results shown.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from . import models as m
from .access import access_facts
from .index import listed_item
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
    entries = _narrowed(query)
    if query.open_now:
        entries = entries.filter(Exists(_open_schedules(now, service="service_id", place="place_id")))
    if query.postcode:
        ranked = services_near(entries, query.postcode, proximity_metres=query.within_km * 1000)[:RESULT_LIMIT]
        # Phone and online services have no place on the map, so a few follow the nearest.
        by_phone = entries.filter(virtual=True).order_by("name", "place_id").values_list("place_id", flat=True)
        shown = {place_id for place_id, _metres in ranked}
        ranked += [(place_id, None) for place_id in by_phone[:PHONE_LIMIT + len(shown)] if place_id not in shown][
            :PHONE_LIMIT]
    else:
        ranked = [(place_id, None) for place_id in
                  entries.order_by("name", "place_id").values_list("place_id", flat=True)[:RESULT_LIMIT]]
    found = in_order(_with_details(language_code, now), ranked)
    return [_result(place, language_code) for place in found]


def _narrowed(query):
    entries = m.SearchEntry.objects.filter(active=True)
    if query.need:
        entries = entries.filter(needs__contains=listed_item(query.need))
    if query.language:
        entries = entries.filter(languages__contains=listed_item(query.language.lower()))
    if query.age is not None:
        entries = entries.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.age))
        entries = entries.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age))
    if query.free_only:
        entries = entries.filter(free=True)
    return entries


def _with_details(language_code, now):
    return (
        m.ServiceAtLocation.objects.select_related("service", "location", "search_entry")
        .annotate(is_open_now=Exists(_open_schedules(now, service="service", place="pk")))
        .prefetch_related(
            "location__addresses", "service__phones", "service__schedules", "service__languages",
            Prefetch("service__translations", queryset=m.ServiceTranslation.objects.filter(language=language_code)),
            Prefetch("service__attributes", queryset=m.Attribute.objects.select_related("taxonomy_term")),
        )
    )


def _open_schedules(now, service, place):
    """Weekly schedules, of the service or of this place, open at `now`; `service` and
    `place` name the outer query's columns for them."""
    today = DAY_CODES[now.weekday()]
    return m.Schedule.objects.filter(
        Q(service=OuterRef(service)) | Q(service_at_location=OuterRef(place)),
        Q(freq="") | Q(freq__iexact="WEEKLY"),
        Q(byday="") | Q(byday__icontains=today),
        opens_at__lte=now.time(),
        closes_at__gt=now.time(),
    )


def _result(place, language_code):
    service = place.service
    translation = next((item for item in service.translations.all() if item.language == language_code), None)
    return Result(
        place=place,
        service=service,
        distance_metres=getattr(place, "distance_metres", None),
        is_free=place.search_entry.free,
        is_open_now=place.is_open_now,
        facts=access_facts(service),
        translation=translation,
    )


def opening_days(schedule):
    """The days of a weekly schedule as indexes 0 (Monday) to 6, for showing them."""
    return [DAY_CODES.index(day.strip().upper()) for day in schedule.byday.split(",")
            if day.strip().upper() in DAY_CODES]


