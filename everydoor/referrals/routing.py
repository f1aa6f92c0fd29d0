"""Which service a self-referral goes to, or why it goes to a community worker instead.

NHS Talking Therapies services are catchment-based and there is no single national rule on
GP registration (REFERENCE.md §5), so each service carries its own catchment, age range
and GP rule as data, and no missing GP or postcode ever blocks a request: it goes to a
community worker with the reason.
"""

import re
from datetime import date
from typing import NamedTuple

from .models import Referral, Service

# The outward code of a UK postcode: area letters, district digits, optional letter.
OUTWARD_CODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?$")


class Route(NamedTuple):
    service: Service | None
    reason: str  # a Referral.Route value


def postcode_district(postcode):
    """'e15 4lz' -> 'E15'; '' when it is not a UK postcode or outward code."""
    match = OUTWARD_CODE.match(" ".join(postcode.upper().split()))
    if not match:
        return ""
    return match.group(1)


def age_on(date_of_birth, today):
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - before_birthday


def route_referral(*, age, district, has_gp, services=None):
    """Check the rules in the order a person can act on them (age, where they live, GP)
    and return the first fitting service, preferring staff who speak the language."""
    candidates = list(Service.objects.all() if services is None else services)
    checks = [
        (Referral.Route.UNDER_AGE, lambda s: age >= s.min_age),
        (Referral.Route.OVER_AGE, lambda s: s.max_age is None or age <= s.max_age),
        (Referral.Route.NO_POSTCODE, lambda s: bool(district)),
        (Referral.Route.OUTSIDE_CATCHMENT, lambda s: district in s.catchment_districts),
        (Referral.Route.NEEDS_GP, lambda s: has_gp or not s.requires_gp_registration),
    ]
    for reason, fits in checks:
        candidates = [service for service in candidates if fits(service)]
        if not candidates:
            return Route(None, reason)
    return Route(candidates[0], Referral.Route.SERVICE)


def best_for_language(services, language):
    """Staff who speak the language first, then services that book interpreters."""
    return sorted(services, key=lambda s: (language not in s.staff_languages, not s.books_interpreters, s.name))


def route_for(referral, today=None):
    age = age_on(date.fromisoformat(referral.date_of_birth), today or date.today())
    services = best_for_language(Service.objects.all(), referral.preferred_language)
    route = route_referral(
        age=age, district=referral.postcode_district, has_gp=referral.has_gp == Referral.HasGP.YES,
        services=services,
    )
    return age, route
