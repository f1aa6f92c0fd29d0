"""Open Referral UK records in and out: validate and import service documents (the nested
shape of `GET /services/{id}`), and build them back from the tables.

Each record is imported whole or not at all, and every rejected record is reported with
its reasons. Export omits empty optional fields; an export imported again exports the same.
"""

import datetime
import decimal
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime, parse_time

from . import models as m
from .index import refreshed_once

# Per object: its model, the fields kept in columns, the fields the UK profile requires,
# and the enumerations it checks. Nested objects and lists are handled by the code below.
OBJECTS = {
    "organization": (m.Organization, ["name", "description", "email", "website"], ["id", "name", "description"]),
    "service": (m.Service, ["name", "description", "url", "email", "status", "fees_description",
                            "eligibility_description", "minimum_age", "maximum_age", "assured_date",
                            "last_modified"], ["id", "name", "status"]),
    "location": (m.Location, ["location_type", "name", "description", "latitude", "longitude"],
                 ["id", "location_type"]),
    "address": (m.Address, ["address_1", "city", "state_province", "postal_code", "country", "address_type"],
                ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"]),
    "service_at_location": (m.ServiceAtLocation, ["description"], ["id"]),
    "contact": (m.Contact, ["name", "email"], ["id"]),
    "phone": (m.Phone, ["number", "description"], ["id", "number"]),
    "schedule": (m.Schedule, ["freq", "byday", "opens_at", "closes_at", "description"], ["id"]),
    "cost_option": (m.CostOption, ["option", "amount", "currency", "amount_description"], ["id"]),
    "service_area": (m.ServiceArea, ["name", "description"], ["id"]),
    "language": (m.Language, ["name", "code", "note"], ["id"]),
    "attribute": (m.Attribute, ["value", "label"], ["id"]),
    "taxonomy_term": (m.TaxonomyTerm, ["name", "description", "code", "taxonomy"], ["id", "name", "description"]),
}
ENUMS = {
    ("service", "status"): {choice.value for choice in m.Service.Status},
    ("location", "location_type"): {choice.value for choice in m.Location.Type},
}
# Nested lists a service document may carry, and the object type of their items.
SERVICE_LISTS = {"service_at_locations": "service_at_location", "contacts": "contact", "phones": "phone",
                 "schedules": "schedule", "cost_options": "cost_option", "service_areas": "service_area",
                 "languages": "language", "attributes": "attribute"}
LOCATION_LISTS = {"addresses": "address", "phones": "phone", "languages": "language"}
# The lists whose items belong to the service directly (the others nest further).
SERVICE_OWN_LISTS = {"phones": "phone", "schedules": "schedule", "cost_options": "cost_option",
                     "service_areas": "service_area", "languages": "language"}
NESTED = {"service": {*SERVICE_LISTS, "organization", "organization_id"},
          "service_at_location": {"location", "location_id", "service_id", "schedules"},
          "location": set(LOCATION_LISTS), "contact": {"phones"},
          "attribute": {"taxonomy_term", "taxonomy_term_id", "link_id", "link_entity"},
          "taxonomy_term": {"parent_id"}}
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$")


class RecordProblem(ValueError):
    pass


@dataclass
class ImportReport:
    imported: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (position, id or None, [reasons])


def import_services(documents):
    """Import service documents; return which were imported and why others were not."""
    report = ImportReport()
    for position, document in enumerate(documents):
        reasons = problems_with(document)
        if reasons:
            report.rejected.append((position, _id_of(document), reasons))
            continue
        try:
            with transaction.atomic(), refreshed_once():
                save_service(document)
        except RecordProblem as problem:
            report.rejected.append((position, _id_of(document), [str(problem)]))
        else:
            report.imported.append(document["id"])
    return report


def _id_of(document):
    return document.get("id") if isinstance(document, dict) else None


def problems_with(document, kind="service", path="service"):
    """Every way the document breaks the UK profile's required fields and enumerations."""
    if not isinstance(document, dict):
        return [f"{path}: expected an object"]
    _model, _columns, required = OBJECTS[kind]
    problems = [f"{path}.{name}: required" for name in required if document.get(name) in (None, "")]
    for (enum_kind, name), allowed in ENUMS.items():
        if enum_kind == kind and document.get(name) not in (None, "") and document[name] not in allowed:
            problems.append(f"{path}.{name}: {document[name]!r} is not one of {sorted(allowed)}")
    for child_kind, key, child in _children(kind, document):
        problems += problems_with(child, child_kind, f"{path}.{key}")
    return problems


def _children(kind, document):
    lists = {"service": SERVICE_LISTS, "location": LOCATION_LISTS, "contact": {"phones": "phone"},
             "service_at_location": {"schedules": "schedule"}}.get(kind, {})
    for key, child_kind in lists.items():
        items = document.get(key) or []
        if not isinstance(items, list):
            yield child_kind, key, None
            continue
        for number, item in enumerate(items):
            yield child_kind, f"{key}[{number}]", item
    singles = {"service": {"organization": "organization"}, "service_at_location": {"location": "location"},
               "attribute": {"taxonomy_term": "taxonomy_term"}}.get(kind, {})
    for key, child_kind in singles.items():
        if document.get(key) is not None:
            yield child_kind, key, document[key]


def save_service(document):
    organization = _save("organization", document["organization"]) if document.get("organization") else None
    service = _save("service", document, organization=organization)
    # A re-imported service replaces its lists; shared locations and terms are updated in place.
    for key in SERVICE_LISTS:
        getattr(service, key).all().delete()
    for item in document.get("service_at_locations") or []:
        location = _save_location(item["location"]) if item.get("location") else _existing_location(item)
        at = _save("service_at_location", item, service=service, location=location)
        for schedule in item.get("schedules") or []:
            _save("schedule", schedule, service_at_location=at)
    for item in document.get("contacts") or []:
        contact = _save("contact", item, service=service)
        for phone in item.get("phones") or []:
            _save("phone", phone, contact=contact)
    for key, kind in SERVICE_OWN_LISTS.items():
        for item in document.get(key) or []:
            _save(kind, item, service=service)
    for item in document.get("attributes") or []:
        term = _save_term(item)
        _save("attribute", item, service=service, taxonomy_term=term)
    return service


def _existing_location(item):
    location = m.Location.objects.filter(pk=item.get("location_id")).first()
    if location is None:
        raise RecordProblem(f"service_at_location {item['id']}: location {item.get('location_id')!r} is unknown")
    return location


def _save_location(document):
    location = _save("location", document)
    location.addresses.all().delete()
    location.phones.all().delete()
    location.languages.all().delete()
    for key, kind in LOCATION_LISTS.items():
        for item in document.get(key) or []:
            extra = {}
            if kind == "address":
                match = POSTCODE.match(str(item.get("postal_code", "")).strip().upper())
                extra["postcode_district"] = match.group(1) if match else ""
            _save(kind, item, location=location, **extra)
    return location


def _save_term(attribute):
    term = attribute.get("taxonomy_term")
    if term:
        return _save("taxonomy_term", term)
    found = m.TaxonomyTerm.objects.filter(pk=attribute.get("taxonomy_term_id")).first()
    if found is None:
        raise RecordProblem(f"attribute {attribute['id']}: taxonomy term {attribute.get('taxonomy_term_id')!r} "
                            "is unknown; include it as taxonomy_term")
    return found


def _save(kind, document, **links):
    model, columns, _required = OBJECTS[kind]
    values = {}
    for name in columns:
        if document.get(name) not in (None, ""):
            values[name] = _parsed(model, name, document[name])
    skip = {"id", *columns, *NESTED.get(kind, ())}
    extra = {key: value for key, value in document.items() if key not in skip}
    defaults = {**{name: _empty(model, name) for name in columns}, **values, **links, "extra": extra}
    instance, _created = model.objects.update_or_create(id=str(document["id"]), defaults=defaults)
    return instance


def _empty(model, name):
    field_ = model._meta.get_field(name)
    if name == "last_modified":
        return datetime.datetime.now(datetime.UTC)
    return None if field_.null else ""


def _parsed(model, name, value):
    field_ = model._meta.get_field(name)
    internal = field_.get_internal_type()
    parsers = {"DateField": parse_date, "DateTimeField": parse_datetime, "TimeField": parse_time}
    try:
        if internal in parsers:
            parsed = parsers[internal](str(value))
            if parsed is None:
                raise ValueError
            return parsed
        if internal == "PositiveSmallIntegerField":
            number = int(value)
            if number < 0 or number != float(value):
                raise ValueError
            return number
        if internal == "FloatField":
            return float(value)
        if internal == "DecimalField":
            return decimal.Decimal(str(value))
    except (ValueError, TypeError, decimal.InvalidOperation) as error:
        raise RecordProblem(f"{model.__name__.lower()}.{name}: {value!r} is not a valid {internal}") from error
    if field_.max_length and len(str(value)) > field_.max_length:
        raise RecordProblem(f"{model.__name__.lower()}.{name}: longer than {field_.max_length} characters")
    return str(value)


# Export ---------------------------------------------------------------------------------


def service_document(service):
    """The service as Open Referral UK's nested `GET /services/{id}` document."""
    document = _document("service", service)
    if service.organization_id:
        document["organization_id"] = service.organization_id
        document["organization"] = _document("organization", service.organization)
    document["service_at_locations"] = [
        {**_document("service_at_location", at), "service_id": service.id, "location_id": at.location_id,
         "location": location_document(at.location),
         "schedules": [_document("schedule", item) for item in at.schedules.order_by("id")]}
        for at in service.service_at_locations.select_related("location").order_by("id")
    ]
    document["contacts"] = [
        {**_document("contact", contact),
         "phones": [_document("phone", phone) for phone in contact.phones.order_by("id")]}
        for contact in service.contacts.order_by("id")
    ]
    for key, kind in SERVICE_OWN_LISTS.items():
        document[key] = [_document(kind, item) for item in getattr(service, key).order_by("id")]
    document["attributes"] = [
        {**_document("attribute", attribute), "link_id": service.id, "link_entity": "service",
         "taxonomy_term_id": attribute.taxonomy_term_id,
         "taxonomy_term": term_document(attribute.taxonomy_term)}
        for attribute in service.attributes.select_related("taxonomy_term").order_by("id")
    ]
    return document


def location_document(location):
    document = _document("location", location)
    for key, kind in LOCATION_LISTS.items():
        document[key] = [_document(kind, item) for item in getattr(location, key).order_by("id")]
    return document


def term_document(term):
    document = _document("taxonomy_term", term)
    if term.parent_id:
        document["parent_id"] = term.parent_id
    return document


def _document(kind, instance):
    _model, columns, _required = OBJECTS[kind]
    document = {"id": instance.id}
    for name in columns:
        value = getattr(instance, name)
        if value not in (None, ""):
            document[name] = _formatted(value)
    return {**document, **instance.extra}


def _formatted(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value
