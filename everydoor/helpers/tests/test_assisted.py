"""Assisted mode and paper entry: a helper fills in a questionnaire or referral on the public
pages with the person, or keys in their paper form; it is recorded as such, and by whom."""

import uuid

import pytest

from everydoor.accounts.roles import HELPERS
from everydoor.helpers.models import AssistedEntry
from everydoor.referrals.models import Referral
from everydoor.screening.models import Screening
from everydoor.screening.tests.test_all_questions import phq9_answers
from everydoor.testing.staff import staff_user, verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def helper(client):
    return verified_login(client, staff_user("hana", HELPERS))


def test_a_questionnaire_filled_in_with_the_person_is_recorded_as_assisted(client, helper):
    response = client.post("/staff/cases/assist/", {"language": "ar", "what": "phq-9", "mode": "assisted"})
    assert response["Location"] == "/ar/check/phq-9/"
    page = client.get("/ar/check/phq-9/").content.decode()
    assert "Assisted mode" in page and "recorded as entered by hana" in page
    client.post("/ar/check/phq-9/start/")
    screening = Screening.objects.get()
    assert (screening.channel, screening.language) == ("assisted", "ar")
    assert (screening.assisted_entry.helper, screening.assisted_entry.mode) == (helper, "assisted")


def test_a_paper_form_is_keyed_in_on_the_one_page_form(client, helper):
    response = client.post("/staff/cases/assist/", {"language": "ti", "what": "phq-9", "mode": "paper"})
    assert response["Location"] == "/ti/check/phq-9/all/"
    client.post("/ti/check/phq-9/all/", {**phq9_answers(phq_9_1="LA6571-9"), "submission": str(uuid.uuid4())})
    screening = Screening.objects.get()
    assert (screening.channel, screening.status, screening.result["total"]) == ("paper", "completed", 3)
    assert AssistedEntry.objects.get().mode == AssistedEntry.Mode.PAPER


def test_a_self_referral_filled_in_together_is_recorded_as_assisted(client, helper):
    response = client.post("/staff/cases/assist/", {"language": "fa", "what": "referral", "mode": "assisted"})
    assert response["Location"] == "/fa/refer/"
    client.post("/fa/refer/start/")
    referral = Referral.objects.get()
    assert referral.language == "fa" and referral.assisted_entry.helper == helper


def test_stopping_assisted_mode_makes_entries_the_persons_own_again(client, helper):
    client.post("/staff/cases/assist/", {"language": "en", "what": "phq-9", "mode": "assisted"})
    client.post("/staff/cases/assist/", {"stop": "1"})
    assert "Assisted mode" not in client.get("/en/check/phq-9/").content.decode()
    client.post("/en/check/phq-9/start/")
    assert Screening.objects.get().channel == "web" and not AssistedEntry.objects.exists()


def test_only_the_helper_who_started_it_counts_as_assisting(client):
    someone = staff_user("not-a-helper")
    client.force_login(someone)
    session = client.session
    session["assisting"] = {"helper": someone.pk, "mode": "assisted"}  # no helper's role behind it
    session.save()
    client.post("/en/check/phq-9/start/")
    assert Screening.objects.get().channel == "web" and not AssistedEntry.objects.exists()


def test_a_choice_that_is_not_offered_is_explained_not_a_500(client, helper):
    response = client.post("/staff/cases/assist/", {"language": "xx", "what": "phq-9", "mode": "assisted"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
