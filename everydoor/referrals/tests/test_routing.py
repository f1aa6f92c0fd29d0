"""Which service a referral goes to, and why it goes to a community worker when none fits."""

import pytest

from everydoor.referrals.models import Referral
from everydoor.referrals.routing import age_on, best_for_language, postcode_district, route_referral

from .helpers import create_service

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed, district", [
    ("E15 4LZ", "E15"), ("e154lz", "E15"), ("  sw1a   1aa ", "SW1A"), ("N1", "N1"), ("CA3 8QW", "CA3"),
    ("12345", ""), ("not a postcode", ""), ("", ""),
])
def test_the_postcode_district_is_the_outward_code(typed, district):
    assert postcode_district(typed) == district


def test_age_counts_whole_years_up_to_the_birthday():
    from datetime import date

    assert age_on(date(2008, 11, 30), date(2026, 11, 29)) == 17
    assert age_on(date(2008, 11, 29), date(2026, 11, 29)) == 18


def test_an_adult_in_the_catchment_goes_to_the_service():
    service = create_service()
    route = route_referral(age=30, district="E15", has_gp=False)
    assert route == (service, Referral.Route.SERVICE)


def test_someone_under_18_goes_to_a_community_worker():
    create_service()
    assert route_referral(age=17, district="E15", has_gp=True) == (None, Referral.Route.UNDER_AGE)


def test_a_service_that_takes_16_year_olds_takes_them():
    service = create_service(min_age=16)
    assert route_referral(age=16, district="E15", has_gp=True).service == service


def test_someone_older_than_every_service_takes_goes_to_a_community_worker():
    create_service(max_age=64)
    assert route_referral(age=70, district="E15", has_gp=True).reason == Referral.Route.OVER_AGE


def test_no_postcode_goes_to_a_community_worker_with_that_reason():
    create_service()
    assert route_referral(age=30, district="", has_gp=True) == (None, Referral.Route.NO_POSTCODE)


def test_outside_every_catchment_goes_to_a_community_worker():
    create_service()
    assert route_referral(age=30, district="M1", has_gp=True) == (None, Referral.Route.OUTSIDE_CATCHMENT)


def test_no_gp_where_the_service_requires_one_goes_to_a_community_worker():
    create_service(requires_gp_registration=True)
    assert route_referral(age=30, district="E15", has_gp=False) == (None, Referral.Route.NEEDS_GP)


def test_no_gp_is_no_barrier_where_the_service_does_not_require_one():
    service = create_service(requires_gp_registration=False)
    assert route_referral(age=30, district="E15", has_gp=False).service == service


def test_staff_who_speak_the_language_come_before_interpreters():
    interpreters = create_service("A with interpreters", books_interpreters=True, staff_languages=["en"])
    speakers = create_service("B speaks Tigrinya", books_interpreters=False, staff_languages=["en", "ti"])
    ranked = best_for_language([interpreters, speakers], "ti")
    assert route_referral(age=30, district="E15", has_gp=True, services=ranked).service == speakers


def test_a_service_that_books_interpreters_comes_before_one_that_does_not():
    without = create_service("A without interpreters", books_interpreters=False)
    with_them = create_service("B with interpreters", books_interpreters=True)
    assert best_for_language([without, with_them], "so")[0] == with_them
