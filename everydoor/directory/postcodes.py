"""Loading postcode coordinates from the ONS Postcode Directory or Code-Point Open."""

import csv

from django.db import transaction

from .grid import grid_to_latitude_longitude
from .location import normalised_postcode
from .models import Postcode

BATCH = 5000
# ONSPD marks postcodes it has no location for with this latitude.
ONSPD_NO_LOCATION = 99.999999


def rows_of(path):
    """(postcode, latitude, longitude) from either file. ONSPD has a header with pcds/pcd,
    lat and long; Code-Point Open has none: postcode, quality, eastings, northings, …"""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        first = handle.readline()
        handle.seek(0)
        if "lat" in first.lower():
            for row in csv.DictReader(handle):
                postcode = row.get("pcds") or row.get("pcd") or row.get("postcode")
                latitude, longitude = float(row["lat"]), float(row["long"])
                if latitude != ONSPD_NO_LOCATION:
                    yield postcode, latitude, longitude
        else:
            for row in csv.reader(handle):
                latitude, longitude = grid_to_latitude_longitude(float(row[2]), float(row[3]))
                yield row[0], latitude, longitude


@transaction.atomic
def load_postcodes(path):
    batch, count = [], 0
    for postcode, latitude, longitude in rows_of(path):
        batch.append(Postcode(postcode=normalised_postcode(postcode), latitude=latitude, longitude=longitude))
        if len(batch) >= BATCH:
            count += _store(batch)
            batch = []
    return count + _store(batch)


def _store(batch):
    Postcode.objects.bulk_create(batch, update_conflicts=True, unique_fields=["postcode"],
                                 update_fields=["latitude", "longitude"])
    return len(batch)
