"""The search index: one SearchEntry per service at a location, rebuilt from the Open
Referral tables whenever a service or anything search filters by changes.

Saves and deletes through the ORM (the importer, the staff admin) refresh the entries of
the services they touch, through signals. Writes that send no signals (bulk_create,
QuerySet.update of a searched field) call refresh_search_entries themselves.
"""

import threading
from contextlib import contextmanager
from decimal import Decimal

from django.apps import apps as live_apps
from django.db.models.signals import post_delete, post_save

from .access import STAFF_LANGUAGE

BATCH = 2000
_collecting = threading.local()


def is_free_option(option, amount):
    return amount == Decimal(0) or (option or "").strip().lower() == "free"


def refresh_search_entries(service_ids=None, apps=live_apps):
    """Rebuild the entries of these services (all services when None). `apps` lets a
    migration pass its historical models."""
    service_model = apps.get_model("directory", "Service")
    entry_model = apps.get_model("directory", "SearchEntry")
    if service_ids is None:
        service_ids = service_model.objects.order_by("pk").values_list("pk", flat=True)
    service_ids = list(service_ids)
    for start in range(0, len(service_ids), BATCH):
        batch = service_ids[start:start + BATCH]
        entry_model.objects.filter(service_id__in=batch).delete()
        entry_model.objects.bulk_create(_entries(apps, batch, entry_model), batch_size=BATCH)


def _entries(apps, service_ids, entry_model):
    def model(name):
        return apps.get_model("directory", name).objects

    def grouped(rows):
        found = {}
        for key, value in rows:
            found.setdefault(key, set()).add(value)
        return found

    places = list(model("ServiceAtLocation").filter(service_id__in=service_ids).values_list(
        "id", "service_id", "location_id", "location__location_type", "location__latitude", "location__longitude"))
    if not places:
        return []
    services = {row[0]: row[1:] for row in model("Service").filter(pk__in=service_ids).values_list(
        "id", "status", "name", "minimum_age", "maximum_age")}
    languages = grouped(
        (service, code.strip().lower()) for service, code in
        model("Language").filter(service_id__in=service_ids).exclude(code="").values_list("service_id", "code"))
    needs = grouped(model("Attribute").filter(service_id__in=service_ids).values_list("service_id", "taxonomy_term_id"))
    for service, value in model("Attribute").filter(service_id__in=service_ids, taxonomy_term_id=STAFF_LANGUAGE
                                                    ).exclude(value="").values_list("service_id", "value"):
        languages.setdefault(service, set()).add(value.strip().lower())
    free = {service for service, option, amount in model("CostOption").filter(
        service_id__in=service_ids).values_list("service_id", "option", "amount") if is_free_option(option, amount)}
    areas = grouped((service, name.strip().upper()) for service, name in model("ServiceArea").filter(
        service_id__in=service_ids).exclude(name="").values_list("service_id", "name"))
    location_ids = {row[2] for row in places}
    districts = grouped(model("Address").filter(location_id__in=location_ids).exclude(
        postcode_district="").values_list("location_id", "postcode_district"))
    entries = []
    for place_id, service_id, location_id, location_type, latitude, longitude in places:
        status, name, minimum_age, maximum_age = services[service_id]
        entries.append(entry_model(
            place_id=place_id, service_id=service_id, active=status == "active", name=name,
            virtual=location_type == "virtual", latitude=latitude, longitude=longitude,
            languages=_listed(languages.get(service_id)), needs=_listed(needs.get(service_id)),
            districts=_listed(districts.get(location_id, set()) | areas.get(service_id, set())),
            free=service_id in free, minimum_age=minimum_age, maximum_age=maximum_age,
        ))
    return entries


def _listed(items):
    return "|" + "|".join(sorted(items)) + "|" if items else ""


def listed_item(item):
    """The LIKE pattern's core for one item of an entry's list."""
    return f"|{item}|"


@contextmanager
def refreshed_once():
    """Inside this block, changed services are collected and refreshed once at its end,
    rather than at each of the many saves an import makes."""
    if getattr(_collecting, "services", None) is not None:
        yield
        return
    _collecting.services = set()
    try:
        yield
        changed = _collecting.services
    finally:
        _collecting.services = None
    refresh_search_entries(changed)


def _services_touched(instance):
    model = type(instance).__name__
    if model == "Service":
        return {instance.pk}
    if model in ("Location", "Address"):
        location_id = instance.pk if model == "Location" else instance.location_id
        at = live_apps.get_model("directory", "ServiceAtLocation").objects
        return set(at.filter(location_id=location_id).values_list("service_id", flat=True))
    return {instance.service_id} if getattr(instance, "service_id", None) else set()


def _changed(sender, instance, **kwargs):
    services = _services_touched(instance)
    if not services:
        return
    collecting = getattr(_collecting, "services", None)
    if collecting is not None:
        collecting.update(services)
    else:
        refresh_search_entries(services)


# Every table a SearchEntry is built from.
WATCHED_MODELS = ["Service", "Location", "Address", "ServiceAtLocation", "Language", "Attribute", "CostOption",
                  "ServiceArea"]


def connect_signals():
    for name in WATCHED_MODELS:
        model = live_apps.get_model("directory", name)
        post_save.connect(_changed, sender=model, dispatch_uid=f"search-entry-{name}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"search-entry-delete-{name}")
