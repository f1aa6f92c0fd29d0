"""Distances for search: postcodes to coordinates, and services ranked by how far they are.

With coordinates loaded, places are found within a box around the postcode (indexed) and
ranked by great-circle distance. Without them, search narrows to the postcode district
(the "E15" of "E15 4QR"), matching an address there or a service area named after it.
Both read the search entries (index.py), not the Open Referral tables.
"""

import math
import re

from .index import listed_item
from .models import Postcode

EARTH_RADIUS_METRES = 6_371_000
DEFAULT_PROXIMITY_METRES = 20_000
UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$")


def normalised_postcode(text):
    return re.sub(r"\s+", "", str(text)).upper()


def district_of(text):
    """ "e15 4qr" -> "E15"; an outward code alone ("E15") is its own district; else None."""
    match = UK_POSTCODE.match(str(text).strip().upper())
    return match.group(1) if match else None


def coordinates_of(text):
    found = Postcode.objects.filter(postcode=normalised_postcode(text)).first()
    return (found.latitude, found.longitude) if found else None


def distance_metres(latitude_1, longitude_1, latitude_2, longitude_2):
    phi_1, phi_2 = math.radians(latitude_1), math.radians(latitude_2)
    d_phi, d_lambda = phi_2 - phi_1, math.radians(longitude_2 - longitude_1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi_1) * math.cos(phi_2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(a))


def services_near(entries, postcode, proximity_metres=None):
    """(ServiceAtLocation id, metres) of the search entries near `postcode`, nearest first;
    metres is None where only the district could be matched. Only ids and coordinates are
    read here, so a wide search stays cheap: callers load the few rows they show."""
    origin = coordinates_of(postcode)
    if origin is None:
        return _in_district(entries, district_of(postcode))
    reach = proximity_metres or DEFAULT_PROXIMITY_METRES
    latitude, longitude = origin
    d_latitude = math.degrees(reach / EARTH_RADIUS_METRES)
    d_longitude = d_latitude / max(math.cos(math.radians(latitude)), 0.01)
    candidates = entries.filter(
        latitude__range=(latitude - d_latitude, latitude + d_latitude),
        longitude__range=(longitude - d_longitude, longitude + d_longitude),
    ).values_list("place_id", "latitude", "longitude")
    ranked = []
    for place_id, place_latitude, place_longitude in candidates:
        metres = distance_metres(latitude, longitude, place_latitude, place_longitude)
        if metres <= reach:
            ranked.append((place_id, metres))
    return sorted(ranked, key=lambda pair: (pair[1], pair[0]))


def _in_district(entries, district):
    if not district:
        return []
    matched = entries.filter(districts__contains=listed_item(district)).order_by("place_id")
    return [(place_id, None) for place_id in matched.values_list("place_id", flat=True)]


def in_order(places, ranked):
    """The rows for (id, metres) pairs, in that order, each with `distance_metres`."""
    rows = places.in_bulk([place_id for place_id, _metres in ranked])
    found = []
    for place_id, metres in ranked:
        if place_id in rows:
            rows[place_id].distance_metres = metres
            found.append(rows[place_id])
    return found
