"""The staff wellbeing self-check: the WHO-5 scored as published, shown only to the person,
and stored nowhere."""

import pytest
from django.apps import apps

from everydoor.accounts.roles import HELPERS, SERVICE_STAFF
from everydoor.helpers.models import HelperProfile
from everydoor.referrals.tests.helpers import create_service
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db




def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.fixture
def who5_codes():
    from everydoor.screening.instruments import load_instrument

    instrument = load_instrument("who-5", "en")
    by_weight = {option.weight: option.code for option in instrument.questions[0].options}
    return {question.link_id: by_weight for question in instrument.questions}


def test_low_wellbeing_is_shown_with_support_and_nothing_is_saved(client, who5_codes):
    verified_login(client, staff_user("hana", HELPERS))
    before = row_counts()
    # Raw 2 on every item: 10 of 25, below 13 (Topp et al. 2015): low wellbeing, 40 out of 100.
    response = client.post("/staff/cases/wellbeing/", {link_id: codes[2] for link_id, codes in who5_codes.items()})
    page = response.content.decode()
    assert response.status_code == 200
    assert "40 out of 100" in page and "not been feeling well lately" in page and "116 123" in page
    after = row_counts()
    after.pop("sessions.Session", None), before.pop("sessions.Session", None)
    assert after == before


def test_good_wellbeing_and_any_role_may_use_it(client, who5_codes):
    create_service("Riverside").staff.add(verified_login(client, staff_user("riverside", SERVICE_STAFF)))
    response = client.post("/staff/cases/wellbeing/", {link_id: codes[5] for link_id, codes in who5_codes.items()})
    assert "100 out of 100" in response.content.decode() and "mostly been feeling well" in response.content.decode()
    assert client.get("/staff/cases/").status_code == 403  # the caseload stays a helper's


def test_a_missing_answer_keeps_the_others_and_says_so(client, who5_codes):
    verified_login(client, staff_user("hana", HELPERS))
    partial = {link_id: codes[3] for link_id, codes in list(who5_codes.items())[:4]}
    response = client.post("/staff/cases/wellbeing/", partial)
    page = response.content.decode()
    assert response.status_code == 400 and "Some questions have no answer yet" in page
    assert page.count("checked") == 4


def test_it_is_in_the_helpers_language(client):
    helper = verified_login(client, staff_user("hana", HELPERS))
    HelperProfile.objects.create(user=helper, console_language="ar")
    assert '<html lang="ar" dir="rtl">' in client.get("/staff/cases/wellbeing/").content.decode()


def test_someone_with_no_role_is_refused(client):
    verified_login(client, staff_user("nobody"))
    assert client.get("/staff/cases/wellbeing/").status_code == 403
