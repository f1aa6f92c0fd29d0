"""Ordnance Survey National Grid eastings and northings to latitude and longitude.

Code-Point Open gives postcodes as eastings and northings. This is the inverse
Transverse Mercator projection on the Airy 1830 ellipsoid, as set out in Ordnance
Survey's "A guide to coordinate systems in Great Britain" (Annex C). The result is on
OSGB36, which differs from GPS (WGS84) by up to about 120 metres: close enough to rank
services by distance, and ONS Postcode Directory files carry WGS84 directly.
"""

import math

AIRY_A, AIRY_B = 6_377_563.396, 6_356_256.909
SCALE = 0.9996012717
ORIGIN_LATITUDE, ORIGIN_LONGITUDE = math.radians(49), math.radians(-2)
FALSE_EASTING, FALSE_NORTHING = 400_000, -100_000


def _meridional_arc(latitude):
    n = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B)
    d, s = latitude - ORIGIN_LATITUDE, latitude + ORIGIN_LATITUDE
    return AIRY_B * SCALE * (
        (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * d
        - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(d) * math.cos(s)
        + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * d) * math.cos(2 * s)
        - 35 / 24 * n**3 * math.sin(3 * d) * math.cos(3 * s)
    )


def grid_to_latitude_longitude(easting, northing):
    e2 = 1 - AIRY_B**2 / AIRY_A**2
    latitude, arc = ORIGIN_LATITUDE, 0.0
    while True:
        latitude += (northing - FALSE_NORTHING - arc) / (AIRY_A * SCALE)
        arc = _meridional_arc(latitude)
        if abs(northing - FALSE_NORTHING - arc) < 0.00001:
            break
    sin2 = math.sin(latitude) ** 2
    nu = AIRY_A * SCALE / math.sqrt(1 - e2 * sin2)
    rho = AIRY_A * SCALE * (1 - e2) / (1 - e2 * sin2) ** 1.5
    eta2 = nu / rho - 1
    tan, sec = math.tan(latitude), 1 / math.cos(latitude)
    d = easting - FALSE_EASTING
    vii = tan / (2 * rho * nu)
    viii = tan / (24 * rho * nu**3) * (5 + 3 * tan**2 + eta2 - 9 * tan**2 * eta2)
    ix = tan / (720 * rho * nu**5) * (61 + 90 * tan**2 + 45 * tan**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * tan**2)
    xii = sec / (120 * nu**5) * (5 + 28 * tan**2 + 24 * tan**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * tan**2 + 1320 * tan**4 + 720 * tan**6)
    result_latitude = latitude - vii * d**2 + viii * d**4 - ix * d**6
    result_longitude = ORIGIN_LONGITUDE + x * d - xi * d**3 + xii * d**5 - xiia * d**7
    return math.degrees(result_latitude), math.degrees(result_longitude)
