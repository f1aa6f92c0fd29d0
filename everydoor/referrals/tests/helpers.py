"""Small helpers for the referral tests: services, one persona per staff role, and
referrals made through the same domain functions the site uses."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from everydoor.referrals.intake import start_referral, submit_referral
from everydoor.referrals.models import Referral, Service
from everydoor.referrals.routing import postcode_district

PASSWORD = "a-long-test-password"


def create_service(name="Riverside Talking Therapies", **fields):
    defaults = {"catchment_districts": ["E15", "E20"], "staff_languages": ["en"], "min_age": 18}
    return Service.objects.create(name=name, **{**defaults, **fields})


def create_user(username, *, service=None, community_worker=False):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    if service is not None:
        service.staff.add(user)
    if community_worker:
        user.user_permissions.add(Permission.objects.get(codename="work_community_queue"))
    return user


def create_referral(submit=True, screenings=(), **fields):
    """A referral filled in as a person would: adult, E15 postcode, phone, Arabic speaker."""
    referral = start_referral(fields.pop("language", "ar"), screenings)
    values = {
        "name": "Amal", "date_of_birth": "1990-03-31", "phone": "07700 900123", "contact_by": "call",
        "may_leave_voicemail": False, "may_text": True, "safe_times": ["morning"], "has_gp": Referral.HasGP.NO,
        "postcode": "E15 4LZ", "preferred_language": "ar", "interpreter_needed": True,
        "interpreter_gender": Referral.Gender.FEMALE, **fields,
    }
    values.setdefault("postcode_district", postcode_district(values["postcode"]))
    for name, value in values.items():
        setattr(referral, name, value)
    referral.save()
    if submit:
        submit_referral(referral, today=date(2026, 11, 29))
    return referral
