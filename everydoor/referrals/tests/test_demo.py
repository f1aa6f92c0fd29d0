import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from everydoor.referrals.models import Service
from everydoor.referrals.routing import route_referral

pytestmark = pytest.mark.django_db


def test_the_demo_loads_services_that_route_and_can_be_loaded_twice(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert Service.objects.count() == 3
    assert route_referral(age=30, district="E15", has_gp=False).service.name == "Riverside Talking Therapies (demo)"
    assert route_referral(age=30, district="CA1", has_gp=False).reason == "needs_gp"
    people = get_user_model().objects
    assert people.get(username="community").has_perm("helpers.work_caseload")
    assert people.get(username="supervisor").has_perm("helpers.supervise_caseload")
    assert people.get(username="admin").is_staff and not people.get(username="community").is_staff


def test_the_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo", verbosity=0)
